const dsn = process.env.SENTRY_DSN; // want `^process\.env\.SENTRY_DSN is undefined in the browser, and this instrumentation-client module runs this code only there`
// NEXT_PUBLIC_ variables are inlined here too, and Next defines NEXT_RUNTIME
// ("" in the browser).
const release = process.env.NEXT_PUBLIC_RELEASE;
const runtime = process.env.NEXT_RUNTIME;

console.log(dsn, release, runtime);
