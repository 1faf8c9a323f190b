import type pg from "pg";
import type PgBoss from "pg-boss";
import { importFocusReport } from "~/server/focus/focus-import.service";
import { focusStagedInput } from "./focus-upload";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { getQueue, UPLOAD_QUEUE } from "~/server/ingest/queue";
import { stagedSource } from "./staging";
import type { UploadSummary } from "./parsers";
import { storeReport } from "./store-report";
import { readKindHint, readPipelineFacts, type UploadMeta } from "./upload-meta";
import { log } from "~/server/telemetry/log";

// Large reports are read by a worker from the queue: the request that brought one answers 202
// with its id, and GET /api/v1/uploads/:id (or the Sync page) follows it to stored or failed.

// A shutting-down process stops reading its reports between two chunks; the report goes back
// on the queue, and this or another worker reads it again from the start.
let stopping = new AbortController();

export function stopReadingReports(): void {
  stopping.abort(new Error("The process is shutting down."));
}

export function resumeReadingReports(): void {
  if (stopping.signal.aborted) stopping = new AbortController();
}

// The worker of this process, if it runs one, is woken at once instead of at its next poll. It
// lives on globalThis: under `npm start` the route handlers run from Next's bundle, a module
// graph of their own, while the worker was started from the CLI's.
const holder = globalThis as unknown as { ladderUploadWorker?: { boss: PgBoss; workerId: string } };

export function setLocalUploadWorker(worker: { boss: PgBoss; workerId: string } | undefined): void {
  holder.ladderUploadWorker = worker;
}

export async function queueStagedReport(intakeId: string): Promise<void> {
  const boss = await getQueue();
  await boss.send(UPLOAD_QUEUE, { intakeId }, { singletonKey: intakeId });
  const local = holder.ladderUploadWorker;
  if (local) local.boss.notifyWorker(local.workerId);
}

export async function processStagedReport(opts: { intakeId: string; isLastAttempt: boolean }): Promise<void> {
  const [intake] = await db.$queryRaw<
    {
      id: string;
      workspaceId: string;
      meta: UploadMeta;
      sizeBytes: bigint;
      uploadedById: string | null;
      tokenId: string | null;
      attempts: number;
      outline: string | null;
      listLengths: Record<string, number> | null;
    }[]
  >`UPDATE "UploadIntake" SET status = 'processing', attempts = attempts + 1, "updatedAt" = now()
     WHERE id = ${opts.intakeId} AND status IN ('queued', 'processing')
     RETURNING id, "workspaceId", meta, "sizeBytes", "uploadedById", "tokenId", attempts, outline, "listLengths"`;
  if (!intake) return;
  log.info({ uploadId: intake.id, attempt: intake.attempts }, "upload: reading");
  const signal = stopping.signal;
  const markStored = async (client: pg.PoolClient) => {
    await client.query(
      `UPDATE "UploadIntake" SET status = 'stored', error = NULL, "finishedAt" = now(), "updatedAt" = now() WHERE id = $1`,
      [intake.id],
    );
    await client.query(`DELETE FROM "UploadChunk" WHERE "intakeId" = $1`, [intake.id]);
  };
  const uploader = {
    workspaceId: intake.workspaceId,
    role: "editor" as const,
    ...(intake.uploadedById ? { userId: intake.uploadedById } : {}),
    ...(intake.tokenId ? { tokenId: intake.tokenId } : {}),
  };
  try {
    if (intake.meta.kind === "focus") {
      await importFocusReport({
        id: intake.id,
        uploader,
        filename: intake.meta.filename ?? null,
        sizeBytes: Number(intake.sizeBytes),
        input: focusStagedInput(intake.id, Number(intake.sizeBytes)),
        signal,
        beforeCommit: markStored,
      });
      return;
    }
    await storeReport({
      id: intake.id,
      uploader,
      meta: intake.meta,
      facts: readPipelineFacts(intake.meta),
      hint: readKindHint(intake.meta),
      sizeBytes: Number(intake.sizeBytes),
      input: {
        source: stagedSource(intake.id),
        ...(intake.meta.format === "pagerduty-csv" ? { csv: true } : {}),
        ...(intake.outline === null
          ? {}
          : {
              outline: {
                doc: JSON.parse(intake.outline) as unknown,
                listLengths: new Map(Object.entries(intake.listLengths ?? {})),
              },
            }),
      },
      signal,
      beforeCommit: markStored,
    });
  } catch (error) {
    if (signal.aborted) {
      await db.uploadIntake.update({ where: { id: intake.id }, data: { status: "queued" } });
      throw error;
    }
    if (error instanceof AppError) return failStagedReport(intake.id, error.message);
    if (opts.isLastAttempt) {
      const reason = error instanceof Error ? error.message : String(error);
      return failStagedReport(intake.id, `The report could not be stored (${reason}). Upload it again.`);
    }
    throw error;
  }
}

async function failStagedReport(intakeId: string, message: string): Promise<void> {
  await db.$transaction([
    db.uploadIntake.update({ where: { id: intakeId }, data: { status: "failed", error: message, finishedAt: new Date() } }),
    db.uploadChunk.deleteMany({ where: { intakeId } }),
  ]);
}

// Reports whose request died while sending them, and reports whose every worker died while
// reading them, would otherwise wait for ever (run by the scheduler).
export async function sweepStagedReports(now: Date, stalledAfterSeconds: number): Promise<void> {
  const abandoned = new Date(now.getTime() - 3600_000);
  await db.uploadIntake.deleteMany({ where: { status: "receiving", updatedAt: { lt: abandoned } } });
  const stalled = await db.uploadIntake.findMany({
    where: { status: { in: ["queued", "processing"] }, updatedAt: { lt: new Date(now.getTime() - stalledAfterSeconds * 1000) } },
    select: { id: true },
  });
  for (const { id } of stalled) {
    await failStagedReport(id, "No worker finished reading this report (each one stopped part-way); upload it again.");
  }
}

/** One upload as GET /api/v1/uploads/:id shows it: waiting, being read, stored (with its counts) or failed. */
export async function getUploadStatus(opts: { workspaceId: string; id: string }) {
  const [intake, upload] = await Promise.all([
    db.uploadIntake.findFirst({
      where: { id: opts.id, workspaceId: opts.workspaceId },
      select: { id: true, status: true, error: true, filename: true, sizeBytes: true, createdAt: true, finishedAt: true },
    }),
    db.upload.findFirst({
      where: { id: opts.id, workspaceId: opts.workspaceId },
      select: {
        id: true,
        kind: true,
        format: true,
        tool: true,
        toolVersion: true,
        specVersion: true,
        filename: true,
        sizeBytes: true,
        summary: true,
        createdAt: true,
      },
    }),
  ]);
  if (upload) {
    // The summary column holds what the reader counted (UploadSummary) and its warnings.
    const { warnings, ...counts } = upload.summary as unknown as UploadSummary & { warnings?: string[] };
    return {
      id: upload.id,
      status: "stored" as const,
      kind: upload.kind,
      format: upload.format,
      tool: { name: upload.tool, ...(upload.toolVersion ? { version: upload.toolVersion } : {}) },
      specVersion: upload.specVersion,
      filename: upload.filename,
      sizeBytes: upload.sizeBytes,
      counts,
      warnings: warnings ?? [],
      receivedAt: intake?.createdAt ?? upload.createdAt,
      storedAt: intake?.finishedAt ?? upload.createdAt,
    };
  }
  if (!intake || intake.status === "stored") throw notFound("That upload");
  return {
    id: intake.id,
    status: intake.status === "receiving" ? ("queued" as const) : (intake.status as "queued" | "processing" | "failed"),
    filename: intake.filename,
    sizeBytes: Number(intake.sizeBytes),
    receivedAt: intake.createdAt,
    ...(intake.status === "failed" ? { error: intake.error ?? "The report could not be read." } : {}),
  };
}

/** Uploads still waiting or being read, and the failed ones of the last week, for the Sync page. */
export async function listStagedReports(opts: { workspaceId: string }) {
  const rows = await db.uploadIntake.findMany({
    where: {
      workspaceId: opts.workspaceId,
      OR: [
        { status: { in: ["queued", "processing"] } },
        { status: "failed", finishedAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, status: true, error: true, filename: true, sizeBytes: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, status: r.status as "queued" | "processing" | "failed", sizeBytes: Number(r.sizeBytes) }));
}
