// Values as Postgres' text input: what a `$1::text[]` parameter carries before the database
// casts each element to its column's type. Arrays become array literals and objects JSON, so
// every column travels as text and money stays exact decimal text until the database.

export type TextColumnKind = "scalar" | "array" | "json";

export function textColumnKind(sqlType: string): TextColumnKind {
  if (sqlType.endsWith("[]")) return "array";
  const type = sqlType.toLowerCase();
  if (type === "jsonb" || type === "json") return "json";
  return "scalar";
}

function scalarText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value && "toFixed" in value) return String(value); // Decimal
  throw new Error(`cannot write ${typeof value} into a scalar column`);
}

// Array literal: every element quoted, so commas, braces and spaces need no thought.
function arrayLiteral(values: unknown[]): string {
  const elements = values.map((v) =>
    v === null || v === undefined ? "NULL" : `"${scalarText(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${elements.join(",")}}`;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

export function textValue(value: unknown, kind: TextColumnKind): string | null {
  if (value === null || value === undefined) return null;
  if (kind === "json") return JSON.stringify(value, jsonReplacer);
  if (kind === "array") {
    if (!Array.isArray(value)) throw new Error("an array column needs an array");
    return arrayLiteral(value);
  }
  return scalarText(value);
}
