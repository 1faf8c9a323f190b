import { JsonReadError } from "./read-error";
import { matchesSelector, type JsonPath } from "./selectors";

// A structural scanner over UTF-8 bytes: it follows strings, nesting and the separators of the
// lists it is told about, and hands over byte ranges; the values themselves are read by
// JSON.parse, natively. The streaming JSON parsers on the registry build every value token by
// token in JavaScript, several times slower than the whole of the rest of an upload (measured
// in decision 0004); this one looks at each byte once and builds nothing.
//
// Two uses: the outline (the document without the long lists' items past the first, as text to
// JSON.parse) and the items (each item of the chosen lists, parsed on its own).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;

const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

interface Frame {
  isArray: boolean;
  path: JsonPath;
  /** Elements (arrays) or members (objects) begun so far. */
  count: number;
  /** Arrays: an element has begun and no comma followed it yet. */
  isElementOpen: boolean;
  /** Objects: the key of the member being read ("" when not needed for paths). */
  key?: string;
  /** Objects: 0 expects a key, 1 a colon, 2 a value, 3 a comma or the closing brace. */
  phase: 0 | 1 | 2 | 3;
  /** Arrays: elements kept in the outline (past them, the list is dropped up to its "]"). */
  keep: number;
  /** Items mode: the selector whose items this list holds. */
  selector?: string;
}

export interface ScanOptions {
  /** Lists read item by item. */
  selectors: readonly (readonly string[])[];
  names: readonly string[];
  mode: "outline" | "items";
  /** Outline: items kept of a listed list, and of any other list. */
  keepListed?: number;
  keepOther?: number;
  onItem?: (selector: string, text: string, path: JsonPath, line: number) => void;
}

export class JsonScanner {
  private readonly stack: Frame[] = [];
  private readonly maxDepth: number;
  private line = 1;
  private started = false;
  private isDone = false;
  // Strings.
  private inString = false;
  private isKeyString = false;
  private escaped = false;
  private keyParts: Buffer[] | undefined;
  private keyStart = -1;
  // A scalar element of a list (a number, true, false, null) being read.
  private inScalar = false;
  // Outline: bytes kept, and where dropping started (the frame depth whose list is dropped).
  readonly kept: Buffer[] = [];
  private dropDepth = -1;
  private keepFrom = 0;
  readonly droppedLines: { at: number; lines: number }[] = [];
  private keptBytes = 0;
  private linesDropped = 0;
  readonly listLengths = new Map<string, number>();
  // Items: the element being captured.
  private itemDepth = -1;
  private itemParts: Buffer[] = [];
  private itemStart = -1;
  private itemLine = 0;
  private itemPath: JsonPath = [];
  private itemSelector = "";

  constructor(private readonly options: ScanOptions) {
    this.maxDepth = Math.max(0, ...options.selectors.map((s) => s.length));
  }

  write(chunk: Buffer): void {
    const { mode } = this.options;
    this.keepFrom = 0;
    if (this.itemDepth >= 0) this.itemStart = 0;
    if (this.keyParts) this.keyStart = 0;
    let i = 0;
    if (!this.started) {
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        i = 3;
        this.keepFrom = 3;
      }
    }
    const n = chunk.length;
    for (; i < n; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // Most of a report is inside strings: run to the next quote or backslash in a tight loop
        // (a raw newline cannot be inside a JSON string; JSON.parse refuses one).
        let c = chunk[i]!;
        while (c !== QUOTE && c !== BACKSLASH && ++i < n) c = chunk[i]!;
        if (i === n) break;
        if (c === BACKSLASH) {
          this.escaped = true;
          continue;
        }
        this.inString = false;
        if (this.isKeyString) {
          this.isKeyString = false;
          if (this.keyParts) this.finishKey(chunk, i);
          else this.stack[this.stack.length - 1]!.key = "";
        } else this.afterValue(chunk, i);
        continue;
      }
      const b = chunk[i]!;
      if (b === NEWLINE) {
        this.line++;
        if (this.dropDepth >= 0) this.linesDropped++;
      }
      if (this.inScalar) {
        if (b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE || isSpace(b)) {
          this.inScalar = false;
          this.afterValue(chunk, i - 1);
        } else continue;
      }
      if (isSpace(b)) continue;
      this.started = true;
      const frame = this.stack[this.stack.length - 1];
      if (b === COMMA) {
        if (!frame) throw this.unexpected(b);
        if (frame.isArray) {
          if (!frame.isElementOpen) throw this.unexpected(b);
          frame.isElementOpen = false;
          if (frame.count >= frame.keep && this.dropDepth < 0 && mode === "outline") this.startDrop(chunk, i);
        } else {
          if (frame.phase !== 3) throw this.unexpected(b);
          frame.phase = 0;
          frame.key = undefined;
        }
        continue;
      }
      if (b === COLON) {
        if (!frame || frame.isArray || frame.phase !== 1) throw this.unexpected(b);
        frame.phase = 2;
        continue;
      }
      if (b === CLOSE_BRACKET || b === CLOSE_BRACE) {
        const isValid =
          frame &&
          (b === CLOSE_BRACKET
            ? frame.isArray && (frame.isElementOpen || frame.count === 0)
            : !frame.isArray && (frame.phase === 3 || (frame.phase === 0 && frame.count === 0)));
        if (!isValid) throw this.unexpected(b);
        if (frame.selector !== undefined) this.listLengths.set(frame.path.join("."), frame.count);
        if (this.dropDepth === this.stack.length) this.endDrop(i);
        this.stack.pop();
        this.afterValue(chunk, i);
        continue;
      }
      // A value (or an object's key) begins.
      if (frame) {
        if (frame.isArray) {
          if (frame.isElementOpen) throw this.unexpected(b);
          frame.isElementOpen = true;
          frame.count++;
          if (mode === "items" && frame.selector !== undefined && this.itemDepth < 0) this.startItem(frame, i);
        } else if (frame.phase === 0) {
          if (b !== QUOTE) throw this.unexpected(b);
          frame.phase = 1;
          frame.count++;
          this.inString = true;
          this.isKeyString = true;
          if (this.stack.length <= this.maxDepth && this.itemDepth < 0 && this.dropDepth < 0) {
            this.keyParts = [];
            this.keyStart = i + 1;
          }
          continue;
        } else if (frame.phase !== 2) {
          throw this.unexpected(b);
        }
      } else if (this.isDone) {
        throw this.unexpected(b);
      }
      if (b === QUOTE) {
        this.inString = true;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        this.push(b === OPEN_BRACKET);
      } else if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x74 || b === 0x66 || b === 0x6e) {
        // A number, true, false or null: JSON.parse checks the rest of it.
        this.inScalar = true;
      } else {
        throw this.unexpected(b);
      }
    }
    if (this.dropDepth < 0 && mode === "outline") this.keep(chunk.subarray(this.keepFrom));
    if (this.itemDepth >= 0 && this.itemStart >= 0) this.itemParts.push(chunk.subarray(this.itemStart));
    if (this.keyParts && this.keyStart >= 0) this.keyParts.push(chunk.subarray(this.keyStart));
  }

  /** After the last chunk: the document must be complete. */
  end(): void {
    if (this.inScalar) {
      this.inScalar = false;
      if (this.stack.length === 0) this.isDone = true;
    }
    if (!this.started) return;
    if (this.inString || this.stack.length > 0 || !this.isDone) throw new JsonReadError("ended", this.line);
  }

  get isEmpty(): boolean {
    return !this.started;
  }

  /** Outline: line of the file for an offset in the kept text. */
  lineOfKept(offset: number, text: string): number {
    let lines = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === NEWLINE) lines++;
    for (const { at, lines: dropped } of this.droppedLines) if (at <= offset) lines += dropped;
    return lines;
  }

  private push(isArray: boolean) {
    const parent = this.stack[this.stack.length - 1];
    const path: JsonPath = !parent ? [] : [...parent.path, parent.isArray ? parent.count - 1 : (parent.key ?? "")];
    const frame: Frame = { isArray, path, count: 0, isElementOpen: false, phase: 0, keep: Infinity };
    if (isArray && this.itemDepth < 0 && path.length < this.maxDepth + 1) {
      const index = this.options.selectors.findIndex(
        (s) => s.length === path.length + 1 && s[s.length - 1] === "*" && matchesSelector(s.slice(0, -1), path),
      );
      if (index >= 0) {
        frame.selector = this.options.names[index];
        frame.keep = this.options.keepListed ?? 1;
      } else frame.keep = this.options.keepOther ?? Infinity;
    }
    this.stack.push(frame);
  }

  private finishKey(chunk: Buffer, end: number) {
    const parts = this.keyParts!;
    parts.push(chunk.subarray(this.keyStart, end));
    this.keyParts = undefined;
    this.keyStart = -1;
    const raw = Buffer.concat(parts);
    const frame = this.stack[this.stack.length - 1]!;
    frame.key = raw.includes(BACKSLASH) ? (JSON.parse(`"${raw.toString("utf8")}"`) as string) : raw.toString("utf8");
  }

  // A value ended at `end` (its last byte): close an item, mark the top-level document done.
  private afterValue(chunk: Buffer, end: number) {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.isDone = true;
      return;
    }
    if (!frame.isArray) frame.phase = 3;
    if (this.itemDepth === this.stack.length) this.finishItem(chunk, end);
  }

  private startItem(frame: Frame, start: number) {
    this.itemDepth = this.stack.length;
    this.itemStart = start;
    this.itemParts = [];
    this.itemLine = this.line;
    this.itemPath = [...frame.path, frame.count - 1];
    this.itemSelector = frame.selector!;
  }

  private finishItem(chunk: Buffer, end: number) {
    this.itemParts.push(chunk.subarray(this.itemStart, end + 1));
    const bytes = this.itemParts.length === 1 ? this.itemParts[0]! : Buffer.concat(this.itemParts);
    this.itemParts = [];
    this.itemDepth = -1;
    this.itemStart = -1;
    this.options.onItem?.(this.itemSelector, bytes.toString("utf8"), this.itemPath, this.itemLine);
  }

  private startDrop(chunk: Buffer, at: number) {
    this.keep(chunk.subarray(this.keepFrom, at));
    this.dropDepth = this.stack.length;
    this.linesDropped = 0;
  }

  private endDrop(at: number) {
    this.droppedLines.push({ at: this.keptBytes, lines: this.linesDropped });
    this.dropDepth = -1;
    this.keepFrom = at;
  }

  private keep(bytes: Buffer) {
    if (!bytes.length) return;
    this.kept.push(bytes);
    this.keptBytes += bytes.length;
  }

  private unexpected(byte: number): JsonReadError {
    return new JsonReadError("unexpected", this.line, JSON.stringify(String.fromCharCode(byte)));
  }
}
