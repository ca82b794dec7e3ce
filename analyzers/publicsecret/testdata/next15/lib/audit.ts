// Server-only, but the name itself is the leak: wherever code reads it,
// Next inlines it.
export async function audit() {
  await fetch("https://audit.example.com", { headers: { "x-key": process.env.NEXT_PUBLIC_AUDIT_API_KEY ?? "" } }); // want `^NEXT_PUBLIC_AUDIT_API_KEY looks like a credential \(API_KEY\), but the NEXT_PUBLIC_ prefix makes Next inline its value into any client code that reads it`
}
