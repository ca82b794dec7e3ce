import { cn } from "@acme/utils";
export default function Page() { return <div className={cn("a")} />; }
