// Pure and never asked for: dropped even though its barrel is kept.
export const unusedHelper = () => process.env.UNUSED_SECRET;
