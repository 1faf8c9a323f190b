import { db } from "~/server/db";
import { metrics, secondsSince } from "~/server/telemetry/metrics";
import { withSpan } from "~/server/telemetry/spans";
import { evaluateWorkspace } from "./evaluate";
import { loadSyncedEvidence } from "./load";
import { loadClaimEvidence } from "./store/claims";
import { writeSnapshot, type SnapshotMeta } from "./store/write-snapshot";

export interface EvaluationSummary {
  snapshotId: string;
  accounts: number;
  results: number;
  /** Results that differed from the stored ones and were written. */
  resultsWritten: number;
  loadMs: number;
  evaluateMs: number;
  writeMs: number;
}

/**
 * Evaluates every connected account of a workspace from what the database holds now, and stores
 * the snapshot. Runs after each sync, daily, and after a person attests or waives.
 */
export async function evaluateAndStore(
  workspaceId: string,
  options: { trigger: SnapshotMeta["trigger"]; syncRunId?: string; now?: Date },
): Promise<EvaluationSummary> {
  const attributes = {
    "ladder.workspace_id": workspaceId,
    "ladder.evaluation.trigger": options.trigger,
    ...(options.syncRunId ? { "ladder.sync.run_id": options.syncRunId } : {}),
  };
  const start = process.hrtime.bigint();
  let result = "error";
  try {
    const summary = await withSpan("maturity.evaluate", { attributes }, async (span) => {
      const done = await evaluate(workspaceId, options);
      span.setAttributes({ "ladder.evaluation.accounts": done.accounts, "ladder.evaluation.results": done.results });
      return done;
    });
    result = "ok";
    return summary;
  } finally {
    metrics().evaluationDuration.observe({ trigger: options.trigger, result }, secondsSince(start));
  }
}

async function evaluate(
  workspaceId: string,
  options: { trigger: SnapshotMeta["trigger"]; syncRunId?: string; now?: Date },
): Promise<EvaluationSummary> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const [synced, claims] = await Promise.all([loadSyncedEvidence(workspaceId, now), loadClaimEvidence(workspaceId)]);
  const loaded = performance.now();
  const evaluation = evaluateWorkspace({ ...synced, ...claims }, { now, scope: { all: true } });
  const evaluated = performance.now();
  const { snapshotId, resultsWritten } = await writeSnapshot(evaluation, {
    workspaceId,
    trigger: options.trigger,
    syncRunId: options.syncRunId,
    durationMs: evaluated - started,
  });
  return {
    snapshotId,
    accounts: evaluation.accounts.length,
    results: evaluation.results.length,
    resultsWritten,
    loadMs: loaded - started,
    evaluateMs: evaluated - loaded,
    writeMs: performance.now() - evaluated,
  };
}

/** Workspaces with connected accounts whose newest snapshot is older than a day, or missing. */
export async function dueForEvaluation(now: Date, maxAgeHours = 24): Promise<string[]> {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT w.id FROM "Workspace" w
     WHERE EXISTS (SELECT 1 FROM "AwsAccount" a WHERE a."workspaceId" = w.id AND a.status = 'connected')
       AND COALESCE((SELECT max(s."evaluatedAt") FROM "MaturitySnapshot" s WHERE s."workspaceId" = w.id), 'epoch')
           < ${new Date(now.getTime() - maxAgeHours * 3_600_000)}`;
  return due.map((d) => d.id);
}

/** The daily evaluation, run by the worker's ten-minute scheduler. */
export async function evaluateDueWorkspaces(now: Date): Promise<string[]> {
  const due = await dueForEvaluation(now);
  for (const id of due) await evaluateAndStore(id, { trigger: "daily", now });
  return due;
}
