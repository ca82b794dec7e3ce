export const readToken = () => process.env.API_TOKEN;
