// Server layout; imports a module with a top-level call through a barrel.
import { register } from "../lib/db";

register();

export default function Layout({ children }: { children: React.ReactNode }) {
  return <html><body>{children}</body></html>;
}
