import type pg from "pg";
import { withConnection } from "~/server/db";
import type { ByteSource } from "./json/byte-source";
import { readUploadStream, readUploadText, type Outline, type ReadUpload, type ReportHeader, type UploadKind } from "./parsers";
import { pagerDutyCsvHeader, readPagerDutyCsv } from "./parsers/pagerduty-csv";
import { mergeIncidentsAround } from "~/server/incidents/merge-store";
import { ReportWriter } from "./report-writer";
import type { PipelineFacts, UploadMeta, Uploader } from "./upload-meta";
import { log } from "~/server/telemetry/log";

export interface StoreReport {
  id: string;
  uploader: Uploader;
  meta: UploadMeta;
  facts: PipelineFacts;
  hint: UploadKind | undefined;
  sizeBytes: number;
  /** A report as text or bytes; `csv` marks a PagerDuty CSV export (no JSON outline). */
  input: { text: string } | { source: ByteSource; outline?: Outline; csv?: boolean };
  /** Stops a long read between chunks (the process is shutting down): nothing is stored. */
  signal?: AbortSignal;
  /** Runs in the same transaction, after the report is written (the intake marks itself stored). */
  beforeCommit?: (client: pg.PoolClient) => Promise<void>;
}

const clean = (value: string | undefined, max = 300) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

// One transaction for the Upload row and every record: a report that turns out to be bad on
// its last line, or a worker that dies half-way, leaves nothing behind.
export async function storeReport(opts: StoreReport) {
  return withConnection(async (client) => {
    await client.query("BEGIN");
    const writer = new ReportWriter(client, opts.id, opts.uploader.workspaceId);
    try {
      const read = await readInto(opts, writer, (header) => insertUpload(client, opts, header));
      const itemsRead = performance.now();
      await writer.end();
      const written = performance.now();
      await client.query(`UPDATE "Upload" SET summary = $2::jsonb WHERE id = $1`, [
        opts.id,
        JSON.stringify({ ...read.summary, warnings: read.warnings }),
      ]);
      await opts.beforeCommit?.(client);
      await client.query("COMMIT");
      if (read.summary.incidents > 0) await mergeUploaded(opts.uploader.workspaceId, opts.id);
      if (read.timings) {
        const { outlineMs, itemsMs } = read.timings;
        log.info(
          {
            uploadId: opts.id,
            records: read.summary.findings + read.summary.components + read.summary.incidents + read.summary.deployments,
            mb: Number((opts.sizeBytes / 1048576).toFixed(1)),
            outlineMs: Math.round(outlineMs),
            itemsMs: Math.round(itemsMs),
            lastRowsMs: Math.round(written - itemsRead),
            commitMs: Math.round(performance.now() - written),
          },
          "upload: stored",
        );
      }
      return {
        id: opts.id,
        kind: read.header.kind,
        format: read.header.format,
        tool: read.header.tool,
        specVersion: read.header.specVersion ?? null,
        counts: read.summary,
        warnings: read.warnings,
      };
    } catch (error) {
      // Mid-COPY the connection takes no ROLLBACK; withConnection then discards it, and
      // Postgres rolls the transaction back as the connection closes. Either way nothing stays.
      if (!writer.isCopying) await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/**
 * The same-incident rule, applied again around the upload's incidents. The upload is stored
 * whatever happens here: a failure is logged, and the rows count as incidents of their own until
 * the next write around them merges them.
 */
async function mergeUploaded(workspaceId: string, uploadId: string) {
  try {
    await mergeIncidentsAround(workspaceId, { uploadId });
  } catch (error) {
    log.error({ err: error, uploadId }, "upload: merging its incidents with the same incidents from other sources failed");
  }
}

async function readInto(
  opts: StoreReport,
  writer: ReportWriter,
  onHeader: (h: ReportHeader) => Promise<void>,
): Promise<ReadUpload> {
  if ("text" in opts.input) {
    const read = readUploadText(opts.input.text, opts.hint, writer);
    await onHeader(read.header);
    return read;
  }
  const afterChunk = async () => {
    opts.signal?.throwIfAborted();
    await writer.flush();
  };
  if (opts.input.csv) {
    let isHeaderWritten = false;
    const read = await readPagerDutyCsv({
      source: opts.input.source,
      incident: (record) => writer.incident(record),
      afterChunk: async () => {
        // The Upload row goes first: the records written by afterChunk refer to it.
        if (!isHeaderWritten) await onHeader(pagerDutyCsvHeader);
        isHeaderWritten = true;
        await afterChunk();
      },
    });
    if (!isHeaderWritten) await onHeader(read.header);
    return read;
  }
  return readUploadStream({
    source: opts.input.source,
    ...(opts.input.outline ? { outline: opts.input.outline } : {}),
    hint: opts.hint,
    out: writer,
    onHeader,
    afterChunk,
  });
}

async function insertUpload(client: pg.PoolClient, opts: StoreReport, header: ReportHeader) {
  const { meta, uploader, facts } = opts;
  await client.query(
    `INSERT INTO "Upload" (id, "workspaceId", kind, format, tool, "toolVersion", "specVersion", filename, "sizeBytes",
                           repository, branch, commit, pipeline, "softFail", "durationSeconds", "defaultBranch",
                           summary, "uploadedById", "tokenId", "demoOrganizationRefId")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '{}'::jsonb, $17, $18, $19)`,
    [
      opts.id,
      uploader.workspaceId,
      header.kind,
      header.format,
      header.tool.name,
      header.tool.version ?? null,
      header.specVersion ?? null,
      clean(meta.filename),
      opts.sizeBytes,
      clean(meta.repository),
      clean(meta.branch),
      clean(meta.commit, 80),
      clean(meta.pipeline),
      facts.softFail,
      facts.durationSeconds,
      facts.defaultBranch,
      uploader.userId ?? null,
      uploader.tokenId ?? null,
      uploader.demoOrganizationRef ?? null,
    ],
  );
}
