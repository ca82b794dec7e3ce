export function r() {
  return "MARK_REQUIRED";
}
