import type { GetServerSideProps } from "next";
import { mintToken } from "../lib/server-token";
import { Banner } from "../components/banner";

async function loadToken() {
  return mintToken();
}

// getServerSideProps, and loadToken and mintToken that only it uses, run on
// the server only: Next removes them from the page's client build.
export const getServerSideProps: GetServerSideProps = async () => {
  const token = await loadToken();
  const space = process.env.SIGNALWIRE_SPACE;
  return { props: { token, space } };
};

export default function CallPage({ token }: { token: string }) {
  const secret = process.env.SESSION_SECRET; // want `^process\.env\.SESSION_SECRET is undefined in the browser, but the server render of this page reads the real value and can write it into the HTML: a leak and a hydration mismatch; SESSION_SECRET is a credential`
  return <Banner text={secret ? token : ""} />;
}
