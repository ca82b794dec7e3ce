export default function () {
  return "MARK_DEFAULT";
}

export function other() {
  return "MARK_OTHER";
}
