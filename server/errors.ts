// The one error type services throw. server/api/errors.ts maps it to tRPC and HTTP codes.
export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS" | "PAYLOAD_TOO_LARGE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    // For TOO_MANY_REQUESTS: sent as `Retry-After` by the REST API and by tRPC.
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function tooManyRequests(message: string, retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
