export async function getStaticProps() {
  const auth = Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
  const props = { auth, region: process.env.APP_REGION ?? "us" };
  return { props, revalidate: 60 }; // want "a value built from the credentials SIGNALWIRE_PROJECT_ID and SIGNALWIRE_TOKEN is returned by getStaticProps as props.auth"
}

export default function Status({ region }: { region: string }) {
  return <p>{region}</p>;
}
