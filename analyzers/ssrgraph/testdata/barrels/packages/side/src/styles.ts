export const styles = "x";
