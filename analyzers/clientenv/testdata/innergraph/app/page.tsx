import { JoinForm } from "./_components/join-form";

export default function Page() {
  return <JoinForm />;
}
