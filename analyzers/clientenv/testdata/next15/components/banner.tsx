export function Banner({ text }: { text: string }) {
  return <p title={process.env.BANNER_TITLE}>{text}</p>; // want `^process\.env\.BANNER_TITLE is undefined in the browser, but the server render of this module \(in the browser bundle via Pages Router page pages/call\.tsx\) reads`
}
