"use client"; // Fine: instrumentation-client runs only in the browser; the directive is harmless.

console.log("client instrumentation");
