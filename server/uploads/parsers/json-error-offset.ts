// Node 20's JSON.parse errors give no position, so when parsing fails we re-scan the text with
// this small validator to tell the user where. It only runs on text JSON.parse already rejected.
/** Offset of the first character that breaks the JSON grammar, text.length if it ends early, -1 if unknown. */
export function findJsonErrorOffset(text: string): number {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.whitespace();
    return scanner.offset < text.length ? scanner.offset : text.length;
  } catch (error) {
    if (error instanceof ScanError) return error.offset;
    // Nesting deep enough to exhaust the stack: report the failure without a position.
    if (error instanceof RangeError) return -1;
    throw error;
  }
}

class ScanError {
  constructor(readonly offset: number) {}
}

const literals = ["true", "false", "null"];

class Scanner {
  offset = 0;
  constructor(private readonly text: string) {}

  whitespace(): void {
    while (this.offset < this.text.length && " \t\n\r".includes(this.text[this.offset]!)) this.offset++;
  }

  fail(): never {
    throw new ScanError(this.offset);
  }

  expect(character: string): void {
    if (this.text[this.offset] !== character) this.fail();
    this.offset++;
  }

  value(): void {
    this.whitespace();
    const character = this.text[this.offset];
    if (character === undefined) this.fail();
    if (character === "{") return this.container("}", true);
    if (character === "[") return this.container("]", false);
    if (character === '"') return this.string();
    if (character === "-" || (character >= "0" && character <= "9")) return this.number();
    const literal = literals.find((word) => this.text.startsWith(word, this.offset));
    if (literal === undefined) this.fail();
    this.offset += literal.length;
  }

  container(close: string, isObject: boolean): void {
    this.offset++;
    this.whitespace();
    if (this.text[this.offset] === close) {
      this.offset++;
      return;
    }
    for (;;) {
      if (isObject) {
        this.whitespace();
        this.string();
        this.whitespace();
        this.expect(":");
      }
      this.value();
      this.whitespace();
      if (this.text[this.offset] === ",") {
        this.offset++;
        continue;
      }
      this.expect(close);
      return;
    }
  }

  string(): void {
    this.expect('"');
    for (;;) {
      const character = this.text[this.offset];
      if (character === undefined || character < " ") this.fail();
      this.offset++;
      if (character === '"') return;
      if (character === "\\") {
        const escape = this.text[this.offset];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 1, this.offset + 5))) this.fail();
          this.offset += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) this.offset++;
        else this.fail();
      }
    }
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.offset, this.offset + 400));
    if (!match) this.fail();
    this.offset += match[0].length;
  }
}
