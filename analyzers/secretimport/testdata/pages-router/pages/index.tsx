import { currency } from "@/lib/stripe"; // want "this import puts lib/stripe.ts in the browser bundle, but it is server code: it reads the credential STRIPE_SECRET_KEY: import only server-safe code from a page"

export default function Pricing() {
  return <p>Prices in {currency}</p>;
}
