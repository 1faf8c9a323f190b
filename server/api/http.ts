import { AppError, type AppErrorCode } from "~/server/errors";
import { log } from "~/server/telemetry/log";

const status: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
};

// The REST API's error body: `{ "error": { "code", "message" } }`.
export function apiError(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return Response.json({ error: { code: error.code, message: error.message } }, { status: status[error.code], headers });
  }
  log.error({ err: error }, "API request failed");
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}
