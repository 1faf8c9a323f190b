import type pg from "pg";
import { withConnection } from "~/server/db";
import type { Uploader } from "~/server/uploads/upload-meta";
import { FocusCopy } from "./focus-copy";
import { FocusRowMapper } from "./focus-row";
import { readFocusTotals, replaceOlderRows, type FocusSummary } from "./focus-summary";
import { firstBytes, readFocusFile, sniffFocusFormat, type FocusInput } from "./read-focus";

export interface ImportFocus {
  id: string;
  uploader: Uploader;
  filename: string | null;
  sizeBytes: number;
  input: FocusInput;
  /** Stops a long read between batches (the process is shutting down): nothing is stored. */
  signal?: AbortSignal;
  /** Runs in the same transaction, after the rows are written (the intake marks itself stored). */
  beforeCommit?: (client: pg.PoolClient) => Promise<void>;
}

export interface FocusUploadResult {
  id: string;
  kind: "focus";
  format: string;
  tool: { name: string };
  specVersion: string;
  counts: FocusSummary;
  warnings: string[];
}

// One transaction for the Upload row, every cost row and the replacement of older rows of the
// same billing periods: a file that turns out bad on its last line, or a worker that dies
// half-way, leaves nothing behind, and a reader never sees a period counted twice.
export async function importFocusReport(opts: ImportFocus): Promise<FocusUploadResult> {
  const format = sniffFocusFormat(await firstBytes(opts.input.source));
  const unit = format === "parquet" ? "row" : "line";
  const { workspaceId } = opts.uploader;
  const started = performance.now();
  return withConnection(async (client) => {
    await client.query("BEGIN");
    const copy = new FocusCopy(client);
    try {
      // FOCUS imports of one workspace take turns: two uploads of the same period at once would
      // each miss the other's rows when replacing, and both would stay.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ladder:focus:${workspaceId}`]);
      await insertUpload(client, opts);
      let mapper: FocusRowMapper | undefined;
      let rows = 0;
      await readFocusFile(opts.input, format, {
        header: (header, columns) => {
          mapper = new FocusRowMapper({ header, columns, workspaceId, uploadId: opts.id, unit });
        },
        row: (cells, line) => {
          copy.add(mapper!.line(cells, line));
          rows++;
        },
        afterBatch: async () => {
          opts.signal?.throwIfAborted();
          await copy.flush();
        },
      });
      await copy.end();
      const read = performance.now();
      const { totals, keys } = await readFocusTotals(client, opts.id);
      const replacedRows = await replaceOlderRows(client, { workspaceId, uploadId: opts.id, keys });
      const summary: FocusSummary = { focusVersion: mapper!.version, format, rows, replacedRows, totals };
      await client.query(`UPDATE "Upload" SET format = $2, "specVersion" = $3, summary = $4::jsonb WHERE id = $1`, [
        opts.id,
        `focus-${format}`,
        mapper!.version,
        JSON.stringify({ ...summary, warnings: [] }),
      ]);
      await opts.beforeCommit?.(client);
      await client.query("COMMIT");
      console.log(
        `ladder: upload ${opts.id}: ${rows} FOCUS ${mapper!.version} rows from ${(opts.sizeBytes / 1048576).toFixed(1)} MB ` +
          `(read ${((read - started) / 1000).toFixed(1)} s, replaced ${replacedRows} older rows, commit ${((performance.now() - read) / 1000).toFixed(1)} s)`,
      );
      return {
        id: opts.id,
        kind: "focus",
        format: `focus-${format}`,
        tool: { name: "FOCUS" },
        specVersion: mapper!.version,
        counts: summary,
        warnings: [],
      };
    } catch (error) {
      // Mid-COPY the connection takes no ROLLBACK; withConnection then discards it, and
      // Postgres rolls the transaction back as the connection closes.
      if (!copy.isCopying) await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

async function insertUpload(client: pg.PoolClient, opts: ImportFocus) {
  const { uploader } = opts;
  await client.query(
    `INSERT INTO "Upload" (id, "workspaceId", kind, format, tool, filename, "sizeBytes", summary, "uploadedById", "tokenId",
                           "demoOrganizationRefId")
     VALUES ($1, $2, 'focus', 'focus', 'FOCUS', $3, $4, '{}'::jsonb, $5, $6, $7)`,
    [
      opts.id,
      uploader.workspaceId,
      opts.filename?.trim().slice(0, 300) || null,
      opts.sizeBytes,
      uploader.userId ?? null,
      uploader.tokenId ?? null,
      uploader.demoOrganizationRef ?? null,
    ],
  );
}
