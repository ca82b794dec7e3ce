// lint-staged.config.mjs: ssrlint once, on every staged source file.
// lint-staged runs it from the repository root with absolute paths; ssrlint
// analyses the apps around them and reports findings in those files or
// caused through them.
export default {
  "*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}": (files) => `ssrlint ${files.map((f) => JSON.stringify(f)).join(" ")}`,
};
