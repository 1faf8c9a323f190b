// Reads back the block-style subset that yaml.ts writes, strictly: two-space indentation,
// "- " items, JSON-quoted or plain scalars. Tests use it to prove the YAML and JSON templates
// say the same thing without a YAML library; anything outside the subset is an error.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function readYaml(source: string): Json {
  if (!source.endsWith("\n")) throw new Error("YAML must end with a newline.");
  const lines = source
    .slice(0, -1)
    .split("\n")
    .map((raw, i): Line => {
      const indent = raw.length - raw.trimStart().length;
      if (raw.trim() === "" || raw.endsWith(" ") || raw.includes("\t"))
        throw new Error(`Line ${i + 1} is blank or has stray whitespace.`);
      return { indent, text: raw.slice(indent), number: i + 1 };
    });
  const [value, next] = readBlock(lines, 0, 0);
  if (next !== lines.length) throw new Error(`Line ${lines[next]?.number} is outside the document structure.`);
  return value;
}

function readBlock(lines: Line[], start: number, indent: number): [Json, number] {
  const first = lines[start];
  if (!first || first.indent !== indent) throw new Error(`Expected a block indented by ${indent} at line ${first?.number}.`);
  return first.text.startsWith("- ") ? readSequence(lines, start, indent) : readMapping(lines, start, indent);
}

function readSequence(lines: Line[], start: number, indent: number): [Json[], number] {
  const items: Json[] = [];
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith("- ")) {
    const line = lines[i]!;
    const content = line.text.slice(2);
    if (isCollectionStart(content)) {
      // "- key: v" is a mapping (or "- - v" a sequence) starting two columns further in.
      const shifted = [...lines];
      shifted[i] = { indent: indent + 2, text: content, number: line.number };
      const [item, next] = readBlock(shifted, i, indent + 2);
      items.push(item);
      i = next;
    } else {
      items.push(readScalar(content, line.number));
      i += 1;
    }
  }
  return [items, i];
}

function readMapping(lines: Line[], start: number, indent: number): [{ [key: string]: Json }, number] {
  const map: { [key: string]: Json } = {};
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith("- ")) {
    const line = lines[i]!;
    const entry = splitEntry(line.text);
    if (!entry) throw new Error(`Line ${line.number} is not a "key: value" entry.`);
    const [key, rest] = entry;
    if (key in map) throw new Error(`Duplicate key ${key} at line ${line.number}.`);
    if (rest === "") {
      const [value, next] = readBlock(lines, i + 1, indent + 2);
      map[key] = value;
      i = next;
    } else {
      map[key] = readScalar(rest, line.number);
      i += 1;
    }
  }
  if (i < lines.length && lines[i]!.indent > indent) throw new Error(`Unexpected indentation at line ${lines[i]!.number}.`);
  return [map, i];
}

function isCollectionStart(text: string): boolean {
  return text.startsWith("- ") || splitEntry(text) !== undefined;
}

// A key ends at the first ": " (or a final ":") outside a quoted key; plain keys may hold ':'.
function splitEntry(text: string): [string, string] | undefined {
  if (text.startsWith('"')) {
    const end = quotedEnd(text);
    const after = text.slice(end);
    if (after !== ":" && !after.startsWith(": ")) return undefined;
    return [JSON.parse(text.slice(0, end)) as string, after.slice(2)];
  }
  const match = /^([^\s"#][^\s]*?):(?: (.+)|)$/.exec(text);
  if (!match || match[1]!.endsWith(":")) return undefined;
  return [match[1]!, match[2] ?? ""];
}

function quotedEnd(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error(`Unterminated string: ${text}`);
}

function readScalar(text: string, lineNumber: number): Json {
  if (text.startsWith('"')) {
    if (quotedEnd(text) !== text.length) throw new Error(`Trailing text after a string at line ${lineNumber}.`);
    return JSON.parse(text) as string;
  }
  if (text === "[]") return [];
  if (text === "{}") return {};
  // Read as a YAML 1.1 reader (CloudFormation's) would, so an unquoted "yes" shows up as a bug.
  if (/^(?:null|~)$/i.test(text)) return null;
  if (/^(?:y|yes|on|true)$/i.test(text)) return true;
  if (/^(?:n|no|off|false)$/i.test(text)) return false;
  if (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  if (!/^[A-Za-z][\w.\-/:]*$/.test(text) || text.includes(": ") || text.endsWith(":")) {
    throw new Error(`Unsupported plain scalar "${text}" at line ${lineNumber}.`);
  }
  return text;
}
