// A YAML emitter for JSON-shaped values, so the YAML template is rendered from the same object
// as the JSON one. It emits block style only; any string that is not plainly safe is written as a
// JSON string, which YAML reads as a double-quoted scalar with the same escapes.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

// Starts with a letter and holds only characters that cannot start a comment, flow collection,
// tag, anchor or mapping; ':' is allowed because it is never followed by a space here.
const PLAIN = /^[A-Za-z][\w.\-/]*(?::+[\w.\-/]+)*$/;
// YAML 1.1 readers (CloudFormation's among them) turn these into booleans or null.
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
// Printable for JSON but not for YAML, which rejects raw C1 controls and reads U+2028/9 as breaks.
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

export function toYaml(value: object): string {
  return renderBlock(value as Json).join("\n") + "\n";
}

function renderBlock(value: Json): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isNonEmptyCollection(item)) return [`- ${renderScalar(item)}`];
      const [first, ...rest] = renderBlock(item);
      return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
    });
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      if (item === undefined) return [];
      if (!isNonEmptyCollection(item)) return [`${renderString(key)}: ${renderScalar(item)}`];
      return [`${renderString(key)}:`, ...renderBlock(item).map((line) => `  ${line}`)];
    });
  }
  return [renderScalar(value)];
}

function isNonEmptyCollection(value: Json | undefined): value is Json[] | { [key: string]: Json | undefined } {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && typeof value === "object" && Object.values(value).some((v) => v !== undefined);
}

function renderScalar(value: Json | undefined): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "[]";
  if (typeof value === "object") return "{}";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to YAML.`);
    return String(value);
  }
  return renderString(value);
}

function renderString(value: string): string {
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value).replace(YAML_UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
