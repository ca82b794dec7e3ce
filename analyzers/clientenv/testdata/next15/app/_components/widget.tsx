export default function Widget() {
  return <p>{process.env.WIDGET_THEME}</p>; // want `^process\.env\.WIDGET_THEME is undefined in the browser, and this module \(in the browser bundle via Server Component app/page\.tsx\) runs this code only there`
}
