// Fine: imported by nothing, so never evaluated.
export const x = window.innerWidth;
