import { SimError } from "../errors";

/** JSON protocols send timestamps as epoch seconds by default. */
export function stringifyAwsJson(value: unknown): string {
  // A replacer runs for every key of the document, which made a 5,000-group Cost Explorer page
  // the simulator's costliest work; most responses hold no Date, and those skip it.
  if (!containsDate(value)) return JSON.stringify(value);
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, current: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : current;
  });
}

function containsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(containsDate);
  for (const key in value) if (containsDate((value as Record<string, unknown>)[key])) return true;
  return false;
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
