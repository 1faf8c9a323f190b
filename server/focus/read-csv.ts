import { Readable, type Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse, CsvError } from "csv-parse";
import { AppError } from "~/server/errors";
import type { ByteSource } from "~/server/uploads/json/byte-source";
import type { FocusRowSink } from "./read-focus";

const BATCH_ROWS = 5000;

/** Reads a FOCUS CSV (gzipped or not) as a stream: quoted fields, CRLF, a BOM; an empty cell is null. */
export async function readFocusCsv(source: ByteSource, gzipped: boolean, sink: FocusRowSink): Promise<void> {
  const bytes = Readable.from(source(), { objectMode: false });
  const text: Readable = gzipped ? bytes.pipe(gunzip(bytes)) : bytes;
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  let header: string[] | undefined;
  let inBatch = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((name) => name.trim());
        sink.header(header, header);
        continue;
      }
      const cells = new Array<string | null>(record.length);
      for (let i = 0; i < record.length; i++) cells[i] = record[i] === "" ? null : record[i]!;
      sink.row(cells, info.lines);
      if (++inBatch >= BATCH_ROWS) {
        inBatch = 0;
        await sink.afterBatch();
      }
    }
  } catch (error) {
    throw describeCsvError(error);
  }
  if (!header) throw new AppError("BAD_REQUEST", "The file is empty: a FOCUS export starts with a header line.");
}

function gunzip(input: Readable): Transform {
  const inflate = createGunzip();
  input.on("error", (error) => inflate.destroy(error));
  return inflate;
}

function describeCsvError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new AppError(
      "BAD_REQUEST",
      `The CSV cannot be read at line ${line ?? "?"}: ${error.message.replace(/^Invalid /, "invalid ")}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end of file/i.test(message)) {
    return new AppError(
      "BAD_REQUEST",
      "The gzip file ends early (it is truncated): compress the whole export again and upload it.",
    );
  }
  if (/incorrect header check|invalid (block|distance|stored|code)/i.test(message)) {
    return new AppError("BAD_REQUEST", "The file is not valid gzip (it is damaged): compress the export again and upload it.");
  }
  return error;
}
