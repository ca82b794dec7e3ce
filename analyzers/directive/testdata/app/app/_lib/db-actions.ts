import { cookies } from "next/headers";
"use server"; // want `"use server" is not at the top.*a "use server" file may export only async functions`

export const remove = async () => {
  (await cookies()).delete("subscriber");
};
