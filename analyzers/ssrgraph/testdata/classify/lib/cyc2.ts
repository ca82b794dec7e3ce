import { cyc1 } from "./cyc1";
export const cyc2 = () => cyc1;
