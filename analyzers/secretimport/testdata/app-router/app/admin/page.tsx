import { Admin } from "../_components/admin";
import { databaseUrl } from "@/lib/db";

export default function AdminPage() {
  return databaseUrl ? <Admin /> : null;
}
