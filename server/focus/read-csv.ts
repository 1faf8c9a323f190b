import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "~/server/errors";
import type { ByteSource } from "~/server/uploads/json/byte-source";
import { CsvRecords, type CsvRecord } from "./csv-records";
import type { FocusRowSink } from "./read-focus";

/** Reads a FOCUS CSV (gzipped or not) as a stream, chunk by chunk; the sink writes after each chunk. */
export async function readFocusCsv(source: ByteSource, gzipped: boolean, sink: FocusRowSink): Promise<void> {
  const records = new CsvRecords();
  let header: string[] | undefined;
  const onRecord = (cells: CsvRecord, line: number) => {
    if (header) return sink.row(cells, line);
    header = cells.map((name) => (name ?? "").trim());
    sink.header(header, header);
  };
  try {
    for await (const chunk of gzipped ? gunzipped(source) : source()) {
      records.push(chunk, onRecord);
      await sink.afterBatch();
    }
    records.end(onRecord);
    await sink.afterBatch();
  } catch (error) {
    throw describeGzipError(error);
  }
  if (!header) throw new AppError("BAD_REQUEST", "The file is empty: a FOCUS export starts with a header line.");
}

function gunzipped(source: ByteSource): AsyncIterable<Buffer> {
  const bytes = Readable.from(source(), { objectMode: false });
  const inflate = createGunzip({ chunkSize: 256 * 1024 });
  bytes.on("error", (error) => inflate.destroy(error));
  return bytes.pipe(inflate);
}

function describeGzipError(error: unknown): unknown {
  if (error instanceof AppError) return error;
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
