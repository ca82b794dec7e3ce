export default function Sheet() {
  return <div>{window.innerWidth}</div>;
}
