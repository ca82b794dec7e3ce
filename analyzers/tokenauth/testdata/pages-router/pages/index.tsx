export default function Home() {
  return <p>Call us</p>;
}
