export const clientPart = () => "client";
