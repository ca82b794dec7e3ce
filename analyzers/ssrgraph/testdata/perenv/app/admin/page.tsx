// Server Component: asks the same barrels for other names.
import { keyChecks } from "../../lib/links";
import { serverHelper } from "../../lib/mixed";
import { VERSION, serverPart } from "../../lib/flagged";

export default async function Admin() {
  return <p>{String(await keyChecks("a"))}{serverHelper()}{VERSION}{serverPart()}</p>;
}
