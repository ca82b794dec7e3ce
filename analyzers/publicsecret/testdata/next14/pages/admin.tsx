export async function getServerSideProps() {
  const res = await fetch("https://api.example.com/admin", {
    headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_ADMIN_TOKEN}` }, // want `^NEXT_PUBLIC_ADMIN_TOKEN looks like a credential \(TOKEN\), but the NEXT_PUBLIC_ prefix makes Next inline its value into any client code that reads it`
  });
  return { props: { ok: res.ok } };
}

export default function Admin({ ok }: { ok: boolean }) {
  return <p>{String(ok)}</p>;
}
