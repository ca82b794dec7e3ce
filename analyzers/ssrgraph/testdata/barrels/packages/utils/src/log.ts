export const logTo = window.location.href;
