import { SimError } from "../errors";

/** JSON protocols send timestamps as epoch seconds by default. */
export function stringifyAwsJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, current: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : current;
  });
}

export function parseJsonBody(body: Buffer, errorCode = "SerializationException"): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the service's own complaint
  }
  throw new SimError(errorCode, "Start of structure or map found where not expected.", 400);
}
