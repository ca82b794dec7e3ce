import "server-only";
export class ApiError extends Error {
  code = "internal";
}
