export function formatWidth(w: number) {
  return `${w}px`;
}

// Fine: PascalCase but module-level data, not a component reading globals.
export const Sizes = { small: 600 };
