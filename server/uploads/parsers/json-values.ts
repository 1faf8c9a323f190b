// Scanner output varies by tool version, so parsers read it leniently through these helpers
// instead of failing a whole upload on one unexpected field type.
export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): JsonObject => (isObject(value) ? value : {});

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function asString(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

export function listKeys(value: JsonObject, limit = 12): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return "(none)";
  const shown = keys.slice(0, limit).join(", ");
  return keys.length > limit ? `${shown} (and ${keys.length - limit} more)` : shown;
}

/** Spreads { key: value } only when the value is present, so records carry no undefined keys. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** A 1-based line number, or undefined for the 0 some tools write when they have none. */
export function asLine(value: unknown): number | undefined {
  const line = asNumber(value);
  return line !== undefined && Number.isInteger(line) && line > 0 ? line : undefined;
}

/** Sets target[key] only when the value is present: the hot-path twin of `optional`, no spreads. */
export function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
