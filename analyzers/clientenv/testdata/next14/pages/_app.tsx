import type { AppProps } from "next/app";

// NEXT_PUBLIC_ variables and NODE_ENV are inlined into every page.
const host = process.env.NEXT_PUBLIC_SW_HOST;
const dev = process.env.NODE_ENV === "development";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} host={host} dev={dev} />;
}
