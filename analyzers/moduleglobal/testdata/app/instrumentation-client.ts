// Fine: instrumentation-client runs only in the browser.
window.addEventListener("error", () => {});
