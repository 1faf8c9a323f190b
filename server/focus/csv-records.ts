import { StringDecoder } from "node:string_decoder";
import { AppError } from "~/server/errors";

export type CsvRecord = (string | null)[];
type OnRecord = (cells: CsvRecord, line: number) => void;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

// RFC 4180 records from a stream of chunks: quoted fields (with "" for a quote, and commas and
// line breaks inside), CRLF or LF, a leading BOM; an empty cell is null. Written for speed
// rather than taken from csv-parse, which alone parsed AWS-shaped rows slower than Postgres
// COPY stores them: a line without quotes is split in one call, a quoted field is found with
// indexOf, never character by character. `line` is where a record starts (header = 1).
export class CsvRecords {
  private buffer = "";
  private position = 0;
  private line = 1;
  private nextQuote = -1;
  private readonly decoder = new StringDecoder("utf8");
  private isStarted = false;

  push(chunk: Uint8Array, onRecord: OnRecord): void {
    this.read(this.decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), false, onRecord);
  }

  end(onRecord: OnRecord): void {
    this.read(this.decoder.end(), true, onRecord);
  }

  private read(text: string, isFinal: boolean, onRecord: OnRecord) {
    if (!this.isStarted && text) {
      this.isStarted = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer = this.position < this.buffer.length ? this.buffer.slice(this.position) + text : text;
    this.position = 0;
    this.nextQuote = -1;
    const buffer = this.buffer;
    let at = 0;
    while (at < buffer.length) {
      const newline = buffer.indexOf("\n", at);
      if (newline < 0 && !isFinal) break;
      const lineEnd = newline < 0 ? buffer.length : newline;
      if (this.nextQuote !== Infinity && this.nextQuote < at) {
        const found = buffer.indexOf('"', at);
        this.nextQuote = found < 0 ? Infinity : found;
      }
      if (this.nextQuote > lineEnd) {
        let end = lineEnd;
        if (end > at && buffer.charCodeAt(end - 1) === CR) end--;
        if (end > at) onRecord(splitPlain(buffer.slice(at, end)), this.line);
        this.line++;
        at = lineEnd + 1;
        continue;
      }
      const record = this.quotedRecord(buffer, at, isFinal);
      if (!record) break;
      onRecord(record.cells, this.line);
      this.line += record.lines;
      at = record.next;
    }
    this.position = Math.min(at, buffer.length);
  }

  // A record with a quote somewhere: field by field. undefined when it ends past the buffer.
  private quotedRecord(buffer: string, start: number, isFinal: boolean) {
    const cells: CsvRecord = [];
    let lines = 1;
    let at = start;
    let lineEnd = -1;
    for (;;) {
      if (buffer.charCodeAt(at) === QUOTE) {
        let value = "";
        let from = at + 1;
        for (;;) {
          const close = buffer.indexOf('"', from);
          if (close < 0 || (close + 1 >= buffer.length && !isFinal)) {
            if (!isFinal) return undefined;
            throw this.error(`a quoted field opened on line ${this.line + lines - 1} never closes`);
          }
          if (buffer.charCodeAt(close + 1) === QUOTE) {
            value += buffer.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += buffer.slice(from, close);
          at = close + 1;
          break;
        }
        for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) lines++;
        cells.push(value === "" ? null : value);
      } else {
        if (lineEnd < at) {
          lineEnd = buffer.indexOf("\n", at);
          if (lineEnd < 0) {
            if (!isFinal) return undefined;
            lineEnd = buffer.length;
          }
        }
        const comma = buffer.indexOf(",", at);
        let end = comma >= 0 && comma < lineEnd ? comma : lineEnd;
        const next = end;
        if (end === lineEnd && end > at && buffer.charCodeAt(end - 1) === CR) end--;
        cells.push(end > at ? buffer.slice(at, end) : null);
        at = next;
      }
      const after = buffer.charCodeAt(at);
      if (after === COMMA) {
        at++;
        continue;
      }
      if (after === LF) return { cells, lines, next: at + 1 };
      if (after === CR && buffer.charCodeAt(at + 1) === LF) return { cells, lines, next: at + 2 };
      if (at >= buffer.length || (after === CR && at + 1 >= buffer.length)) {
        if (!isFinal) return undefined;
        return { cells, lines, next: buffer.length };
      }
      throw this.error(`line ${this.line + lines - 1} has “${buffer.slice(at, at + 10)}” right after a closing quote`);
    }
  }

  private error(detail: string) {
    return new AppError("BAD_REQUEST", `The CSV cannot be read: ${detail}; check the file's quoting.`);
  }
}

function splitPlain(text: string): CsvRecord {
  const cells: CsvRecord = text.split(",");
  for (let i = 0; i < cells.length; i++) if (cells[i] === "") cells[i] = null;
  return cells;
}
