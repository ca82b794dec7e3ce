export default function Camera({ stream }) {
  return <video srcObject={stream} autoPlay />; // want "srcObject is passed as a JSX prop of <video>"
}
