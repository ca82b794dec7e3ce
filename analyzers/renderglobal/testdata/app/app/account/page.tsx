import { LazyMap } from "../lazy/lazy";

export default async function AccountPage() {
  const host = window.location.host; // want `window is read in the render body of AccountPage, which only the server runs: this is a Server Component: window is not defined in Node, so the render throws a ReferenceError; move it into a Client Component and read it in useEffect`
  return (
    <main>
      {host}
      <LazyMap />
    </main>
  );
}
