export function projectLabel() {
  return process.env.SIGNALWIRE_PROJECT_ID ?? "room"; // want `^process\.env\.SIGNALWIRE_PROJECT_ID is undefined in the browser, but the server render of this module \(in the browser bundle via Pages Router page pages/rooms/\[id\]\.tsx\) reads the real value`
}
