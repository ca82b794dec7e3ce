import { cyc2 } from "./cyc2";
export const cyc1 = () => cyc2;
