// Reached only through a re-export of getServerSideProps: server only.
export async function getServerSideProps() {
  return { props: { token: process.env.SIGNALWIRE_TOKEN ? "set" : "unset" } };
}
