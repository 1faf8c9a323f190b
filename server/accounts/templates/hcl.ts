// Writes JSON-shaped values as HCL expressions (for jsonencode(...)) so the Terraform snippet is
// rendered from the same policy objects as the CloudFormation template.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// A bare key with one of these names would be read as a keyword, not as the literal key.
const KEYWORDS = new Set(["for", "if", "in", "true", "false", "null"]);

// Escapes a value for a quoted HCL template: "${" and "%{" start interpolation and directives
// there, so a stray "${" in an ID would otherwise be evaluated by Terraform.
export function hclString(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{");
  return `"${escaped}"`;
}

export function hclExpression(value: object | string | number | boolean | null, indent = ""): string {
  return render(value as Json, indent);
}

function render(value: Json | undefined, indent: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return hclString(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to HCL.`);
    return String(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${render(item, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, Json] => entry[1] !== undefined);
  if (entries.length === 0) return "{}";
  const rendered = entries.map(([key, item]) => ({ key: hclKey(key), value: render(item, inner) }));
  const lines = alignAttributes(rendered).map((line) => `${inner}${line}\n`);
  return `{\n${lines.join("")}${indent}}`;
}

// Aligns "=" the way `terraform fmt` does, so a pasted snippet stays unchanged when formatted:
// within each run of single-line attributes; a multi-line value ends the run and is not padded.
export function alignAttributes(attributes: { key: string; value: string }[]): string[] {
  const lines: string[] = [];
  let run: { key: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.key.length));
    lines.push(...run.map((a) => `${a.key.padEnd(width)} = ${a.value}`));
    run = [];
  };
  for (const attribute of attributes) {
    if (attribute.value.includes("\n")) {
      flush();
      lines.push(`${attribute.key} = ${attribute.value}`);
    } else {
      run.push(attribute);
    }
  }
  flush();
  return lines;
}

export function hclKey(key: string): string {
  return BARE_KEY.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}
