// Fine for this rule: in server-only code serverimport reports the
// browser-only package, and one diagnostic per import is enough.
import "@signalwire/web-components";

export default function Page() {
  return <sw-call-widget />;
}
