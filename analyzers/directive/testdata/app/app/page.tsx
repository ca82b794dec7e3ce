import { Dialer } from "./_components/dialer";
import { Presence } from "./_components/presence";
import { Mixed } from "./_components/mixed";
import { Status } from "./_components/status";
import { Strict } from "./_components/strict";
import { BothLate } from "./_components/both-late";
import { save } from "./actions";
import { remove } from "./_lib/db-actions";

export default function Home() {
  // Fine: "use server" as the first statement of a function is an inline Server Function.
  async function subscribe(form: FormData) {
    "use server";
    await save(String(form.get("email")));
  }
  return (
    <form action={subscribe}>
      <Dialer />
      <Presence name="Ada" />
      <Mixed />
      <Status />
      <Strict />
      <BothLate />
      <button formAction={remove}>Remove</button>
    </form>
  );
}
