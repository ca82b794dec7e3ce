const unusedConst = "MARK_UNUSED_CONST";
const table = { a: "MARK_TABLE" };

export function shown() {
  return helper();
}

function helper() {
  return table.a + "MARK_HELPER";
}

export function hidden() {
  return "MARK_HIDDEN";
}

export function dead() {
  return unusedConst + "MARK_DEAD";
}

console.log("MARK_EFFECT");
