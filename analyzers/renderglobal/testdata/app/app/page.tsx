import { Presence } from "./_components/presence";
import { ThemeToggle } from "./_components/theme";
import { Online } from "./_components/online";
import { Dialer, EagerDialer } from "./_components/dialer";
import { Legacy } from "./_components/legacy";
import Banner from "./_components/banner";
import { Hydrated } from "./_components/hydrated";
import { Footer, SessionList } from "./_components/sessions";

export default function Page() {
  return (
    <main>
      <Presence name="Ada" />
      <ThemeToggle />
      <Online />
      <Dialer token="t" />
      <EagerDialer token="t" />
      <Legacy />
      <Banner />
      <Hydrated />
      <SessionList load={async () => []} />
      <Footer />
    </main>
  );
}
