import type { GetServerSideProps } from "next";
import dynamic from "next/dynamic";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

type Props = { token: string; project: string; space: string };

export const getServerSideProps: GetServerSideProps<Props> = async () => {
  const { SIGNALWIRE_PROJECT_ID: project = "" } = process.env;
  return {
    props: { // want "the credentials SIGNALWIRE_PROJECT_ID, SIGNALWIRE_SPACE and SIGNALWIRE_TOKEN are returned by getServerSideProps as props.project, props.token and props.space: Next.js serializes page props into the HTML \\(__NEXT_DATA__\\)"
      token: process.env.SIGNALWIRE_TOKEN ?? "",
      project,
      space: process.env.SIGNALWIRE_SPACE!,
    },
  };
};

export default function Call({ token }: Props) {
  return <Dialer token={token} />;
}
