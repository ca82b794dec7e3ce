// Feature tests at module scope, as in real QR-code and canvas helpers.

// fine: the ReferenceError that Node throws is caught, so SUPPORTS_PATH2D is false on the server
export const SUPPORTS_PATH2D = (function () {
  try {
    new Path2D().addPath(new Path2D());
  } catch (e) {
    return false;
  }
  return true;
})();

let storage: Storage | null = null;
try {
  storage = localStorage; // fine: caught on the server
} catch {
  storage = null;
}

try {
  const probe = () => sessionStorage.length; // fine: a function, never called here
  void probe;
} finally {
  // a try without a catch clause catches nothing:
  document.title = "x"; // want `document is read at module scope`
}

try {
  window.name = "y"; // want `window is read at module scope`
} finally {
  storage = null;
}

try {
  void 0;
} catch {
  navigator.userAgent; // want `navigator is read at module scope`
}

export const hasStorage = storage !== null;
