import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { AppError } from "~/server/errors";
import { OPTIONAL_COLUMNS, PROVIDER_COLUMNS, REQUIRED_COLUMNS } from "./columns";
import type { FocusRowSink } from "./read-focus";

const KEPT = new Set<string>([...REQUIRED_COLUMNS, ...PROVIDER_COLUMNS, ...OPTIONAL_COLUMNS]);
const BATCH_ROWS = 5000;

/**
 * Reads a FOCUS Parquet file one row group at a time, and only the columns Ladder keeps: memory
 * holds one row group's kept columns, never the file. The file is read through random access
 * (the footer first, then each column chunk), from the staged chunks or a file on disk.
 */
export async function readFocusParquet(file: AsyncBuffer, sink: FocusRowSink): Promise<void> {
  const metadata = await damaged(() => parquetMetadataAsync(file));
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const columns = header.filter((name) => KEPT.has(name));
  sink.header(header, columns);
  let rowIndex = 0;
  for (const group of metadata.row_groups) {
    const rowStart = rowIndex;
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    await damaged(() =>
      parquetRead({
        file,
        metadata,
        columns,
        rowStart,
        rowEnd,
        compressors,
        onComplete: (read: unknown[][]) => {
          rows = read;
        },
      }),
    );
    for (let i = 0; i < rows.length; i++) {
      sink.row(rows[i]!.map(cellText), rowStart + i + 1);
      if ((i + 1) % BATCH_ROWS === 0) await sink.afterBatch();
    }
    rows = [];
    await sink.afterBatch();
    rowIndex = rowEnd;
  }
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

async function damaged<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "BAD_REQUEST",
      `The Parquet file is incomplete or damaged (${message}); export it again and upload the whole file.`,
    );
  }
}
