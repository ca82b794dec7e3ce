import { y } from "@acme/utils";
import { a } from "@acme/side";
export default function Page() { return <div>{y}{a}</div>; }
