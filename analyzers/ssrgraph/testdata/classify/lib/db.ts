export async function db() { return []; }
