import dynamic from "next/dynamic";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Support" };

// The seed's registration trick, pasted into the root layout (a Server Component).
const RegisterWebComponents = /* want `next/dynamic with \{ ssr: false \} for "@signalwire/web-components", but this module is a Server Component: Next 15 fails the build` */ dynamic(
  () => import("@signalwire/web-components").then(() => () => null),
  {
    loading: () => null,
    ssr: false,
  },
);

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <RegisterWebComponents />
        {children}
      </body>
    </html>
  );
}
