const stripeKey = process.env.STRIPE_SECRET_KEY;

export async function charge(customer: string, cents: number) {
  return fetch("https://api.stripe.com/v1/charges", {
    method: "POST",
    headers: { Authorization: `Bearer ${stripeKey}` },
    body: new URLSearchParams({ customer, amount: String(cents) }),
  });
}
