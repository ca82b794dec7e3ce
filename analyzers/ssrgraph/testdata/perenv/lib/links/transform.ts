// Re-exported by the barrel, imported by no one.
export const transform = (s: string) => s.toUpperCase();
