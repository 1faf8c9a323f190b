// Reads back the HCL expressions hcl.ts writes (objects, tuples, quoted strings, numbers), so
// tests can compare the Terraform policies with the CloudFormation ones value for value. A
// live "${" or "%{" in a string is an error: Terraform would interpolate it.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function readHclString(source: string, start = 0): [string, number] {
  if (source[start] !== '"') throw new Error(`Expected a string at ${start}.`);
  let out = "";
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"') return [out, i + 1];
    if (ch === "\n") throw new Error("Newline inside a quoted string.");
    if (ch === "\\") {
      const esc = source[i + 1];
      const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
      if (esc === "u") {
        out += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (esc !== undefined && esc in simple) {
        out += simple[esc];
        i += 2;
      } else {
        throw new Error(`Unknown escape \\${esc}.`);
      }
    } else if ((ch === "$" || ch === "%") && source[i + 1] === ch && source[i + 2] === "{") {
      out += `${ch}{`;
      i += 3;
    } else if ((ch === "$" || ch === "%") && source[i + 1] === "{") {
      throw new Error(`Template sequence ${ch}{ would be evaluated by Terraform.`);
    } else {
      out += ch;
      i += 1;
    }
  }
  throw new Error("Unterminated string.");
}

// The expression passed to `<attribute> = jsonencode(...)`.
export function readJsonencode(source: string, attribute: string): Json {
  const marker = new RegExp(`\\b${attribute}\\s*=\\s*jsonencode\\(`).exec(source);
  if (!marker) throw new Error(`No ${attribute} = jsonencode(...) found.`);
  const reader = new Reader(source, marker.index + marker[0].length);
  const value = reader.expression();
  reader.expect(")");
  return value;
}

class Reader {
  constructor(
    private readonly source: string,
    private pos: number,
  ) {}

  expression(): Json {
    this.skip(true);
    const ch = this.source[this.pos];
    if (ch === "{") return this.object();
    if (ch === "[") return this.tuple();
    if (ch === '"') return this.string();
    const literal = /^(?:-?\d+(?:\.\d+)?|true|false|null)/.exec(this.source.slice(this.pos));
    if (!literal) throw new Error(`Unexpected "${ch}" at ${this.pos}.`);
    this.pos += literal[0].length;
    return JSON.parse(literal[0]) as Json;
  }

  expect(token: string): void {
    this.skip(true);
    if (!this.source.startsWith(token, this.pos)) throw new Error(`Expected "${token}" at ${this.pos}.`);
    this.pos += token.length;
  }

  private object(): { [key: string]: Json } {
    this.expect("{");
    const map: { [key: string]: Json } = {};
    for (;;) {
      this.skip(true);
      if (this.source[this.pos] === "}") break;
      const key = this.source[this.pos] === '"' ? this.string() : this.identifier();
      if (key in map) throw new Error(`Duplicate key ${key}.`);
      this.expect("=");
      map[key] = this.expression();
      this.skip(false);
      const sep = this.source[this.pos];
      if (sep === "," || sep === "\n") this.pos += 1;
      else if (sep !== "}") throw new Error(`Expected a newline, "," or "}" at ${this.pos}.`);
    }
    this.pos += 1;
    return map;
  }

  private tuple(): Json[] {
    this.expect("[");
    const items: Json[] = [];
    for (;;) {
      this.skip(true);
      if (this.source[this.pos] === "]") break;
      items.push(this.expression());
      this.skip(true);
      if (this.source[this.pos] === ",") this.pos += 1;
      else if (this.source[this.pos] !== "]") throw new Error(`Expected "," or "]" at ${this.pos}.`);
    }
    this.pos += 1;
    return items;
  }

  private string(): string {
    const [value, end] = readHclString(this.source, this.pos);
    this.pos = end;
    return value;
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.source.slice(this.pos));
    if (!match) throw new Error(`Expected a key at ${this.pos}.`);
    this.pos += match[0].length;
    return match[0];
  }

  private skip(newlines: boolean): void {
    const blank = newlines ? /[ \t\r\n]/ : /[ \t\r]/;
    while (this.pos < this.source.length && blank.test(this.source[this.pos]!)) this.pos += 1;
  }
}
