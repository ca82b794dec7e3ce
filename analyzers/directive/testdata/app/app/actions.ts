#!/usr/bin/env node
import { revalidatePath } from "next/cache";

"use server"; // want `"use server" is not at the top of the file, so it is only a string: this module's exports are not Server Functions.*move it above the imports$`

export async function save(email: string) {
  await fetch("https://api.example.com/subscribers", { method: "POST", body: email });
  revalidatePath("/");
}
