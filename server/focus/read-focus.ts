import type { AsyncBuffer } from "hyparquet";
import { AppError } from "~/server/errors";
import type { ByteSource } from "~/server/uploads/json/byte-source";
import { readFocusCsv } from "./read-csv";
import { readFocusParquet } from "./read-parquet";

export type FocusFileFormat = "csv" | "csv-gzip" | "parquet";

/** Where the rows of a FOCUS file go as they are read. */
export interface FocusRowSink {
  /** `header`: every column of the file; `columns`: the columns each row's cells are, in order. */
  header(header: readonly string[], columns: readonly string[]): void;
  /** One row's cells as text (null when empty); `line`: its line in a CSV (header = 1), its row in a Parquet file (from 1). */
  row(cells: (string | null)[], line: number): void;
  /** After every few thousand rows: the place to write them (and to stop, if asked). */
  afterBatch(): Promise<void>;
}

export interface FocusInput {
  source: ByteSource;
  /** Random access to the same bytes, for Parquet (whose index is at its end). */
  openRandom(): Promise<AsyncBuffer>;
}

/** The file's format from its first bytes: Parquet (PAR1), gzip (1f 8b) or text. */
export function sniffFocusFormat(first: Uint8Array): FocusFileFormat {
  if (first[0] === 0x50 && first[1] === 0x41 && first[2] === 0x52 && first[3] === 0x31) return "parquet";
  if (first[0] === 0x1f && first[1] === 0x8b) return "csv-gzip";
  return "csv";
}

export async function firstBytes(source: ByteSource): Promise<Uint8Array> {
  for await (const chunk of source()) {
    if (chunk.length) return chunk;
  }
  throw new AppError("BAD_REQUEST", "The uploaded file is empty.");
}

export async function readFocusFile(input: FocusInput, format: FocusFileFormat, sink: FocusRowSink): Promise<void> {
  if (format === "parquet") await readFocusParquet(await input.openRandom(), sink);
  else await readFocusCsv(input.source, format === "csv-gzip", sink);
}
