export function Analytics() {
  // Public by design: analytics project tokens.
  const mixpanel = process.env.NEXT_PUBLIC_MIXPANEL_TOKEN;
  const { NEXT_PUBLIC_AUTH_TOKEN } = process.env; // want `^NEXT_PUBLIC_AUTH_TOKEN looks like a credential \(TOKEN\), but the NEXT_PUBLIC_ prefix makes Next inline its value into this module \(in the browser bundle via Pages Router page pages/index\.tsx\)`
  return <p data-mixpanel={mixpanel}>{NEXT_PUBLIC_AUTH_TOKEN}</p>;
}
