import Script from "next/script";

export const metadata = {
  title: "ssrlint demo",
};

// Fine: the seed's pattern for the embed bundle; the browser loads it after
// hydration, so the server never evaluates it.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Script
          src="https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js"
          strategy="afterInteractive"
        />
      </body>
    </html>
  );
}
