// No app imports this package: nothing here reaches a bundle of apps/web.
export const token = process.env.NEXT_PUBLIC_UNUSED_TOKEN;
