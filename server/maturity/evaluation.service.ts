import { db } from "~/server/db";
import { metrics, secondsSince } from "~/server/telemetry/metrics";
import { withSpan } from "~/server/telemetry/spans";
import { evaluateAccounts, summariseEvaluation, type AccountsEvaluation } from "./evaluate";
import type { AccountEvidence } from "./evidence";
import { loadAccountEvidence, loadSharedEvidence } from "./load";
import type { WorkspaceEvaluation } from "./results";
import { isInScope, resolveScope } from "./scope";
import { loadClaimEvidence } from "./store/claims";
import { writeSnapshotInParts, type EvaluatedAccounts, type SnapshotMeta } from "./store/write-snapshot";

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
  options: { trigger: SnapshotMeta["trigger"]; syncRunId?: string; now?: Date; batchAccounts?: number },
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
  options: { trigger: SnapshotMeta["trigger"]; syncRunId?: string; now?: Date; batchAccounts?: number },
): Promise<EvaluationSummary> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const timing = { loadMs: 0, evaluateMs: 0 };
  const stored = await writeSnapshotInParts(now, evaluateInBatches(workspaceId, now, options.batchAccounts, timing), {
    workspaceId,
    trigger: options.trigger,
    syncRunId: options.syncRunId,
    durationMs: () => timing.loadMs + timing.evaluateMs,
  });
  return {
    ...stored,
    loadMs: timing.loadMs,
    evaluateMs: timing.evaluateMs,
    writeMs: performance.now() - started - timing.loadMs - timing.evaluateMs,
  };
}

// Accounts evaluated together: each batch's resource rows are loaded, judged, stored and let go
// before the next, so memory follows the batch, not the organisation (1,000 accounts at once
// peaked at about 1.3 GB).
export const BATCH_ACCOUNTS = 100;

/**
 * Every account of the workspace evaluated from the database, a batch of accounts at a time:
 * the organisation, the accounts, their syncs, cost figures, uploads and people's claims are
 * loaded once and shared; each batch adds its accounts' resource rows. Every rule reads the rows
 * of the account it judges, so each batch's results are what one evaluation of everything gives.
 */
async function* evaluateInBatches(
  workspaceId: string,
  now: Date,
  batchAccounts = BATCH_ACCOUNTS,
  timing = { loadMs: 0, evaluateMs: 0 },
): AsyncGenerator<EvaluatedAccounts & { accounts: AccountEvidence[] }> {
  let started = performance.now();
  const [shared, claims] = await Promise.all([loadSharedEvidence(workspaceId, now), loadClaimEvidence(workspaceId)]);
  timing.loadMs += performance.now() - started;
  const scope = resolveScope({ all: true });
  const accounts = shared.accounts.filter((a) => isInScope(a, scope));
  const batches: AccountEvidence[][] = [];
  for (let i = 0; i < accounts.length; i += batchAccounts) batches.push(accounts.slice(i, i + batchAccounts));
  const load = (batch: AccountEvidence[] | undefined) => {
    if (!batch) return undefined;
    const rows = loadAccountEvidence(
      workspaceId,
      now,
      batch.map((a) => a.accountId),
    );
    // Awaited below; until then, a failure of a load the consumer no longer waits for is not unhandled.
    rows.catch(() => undefined);
    return rows;
  };
  // The next batch's rows load while this one is judged and stored: PostgreSQL and the process
  // work at once, and memory holds two batches at most.
  let next = load(batches[0]);
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i]!;
    started = performance.now();
    const rows = (await next)!;
    next = load(batches[i + 1]);
    const loaded = performance.now();
    timing.loadMs += loaded - started;
    const part = evaluateAccounts({ ...shared, ...rows, ...claims }, batch, { now });
    timing.evaluateMs += performance.now() - loaded;
    yield { accounts: batch, ...part };
  }
}

/**
 * The whole evaluation the batches add up to, held at once: the organisation's levels and stage
 * come from all accounts' levels. Stored evaluations never build it (see evaluateInBatches).
 */
export async function evaluateStoredEvidence(
  workspaceId: string,
  now: Date,
  batchAccounts = BATCH_ACCOUNTS,
): Promise<{ evaluation: WorkspaceEvaluation; loadMs: number }> {
  const timing = { loadMs: 0, evaluateMs: 0 };
  const accounts: AccountEvidence[] = [];
  const whole: AccountsEvaluation = { results: [], accountLevels: [] };
  for await (const part of evaluateInBatches(workspaceId, now, batchAccounts, timing)) {
    accounts.push(...part.accounts);
    for (const result of part.results) whole.results.push(result);
    for (const level of part.accountLevels) whole.accountLevels.push(level);
  }
  const evaluation = summariseEvaluation(whole, accounts, resolveScope({ all: true }), { now });
  return { evaluation, loadMs: timing.loadMs };
}

/**
 * Workspaces with connected accounts whose newest snapshot is older than a day, or missing. A
 * workspace whose sync is under way waits: the run's end queues its evaluation, and one in the
 * middle would judge a half-written organisation and record changes that the run's own
 * evaluation then undoes. A run unfinished for longer than the age limit no longer holds it back.
 */
export async function dueForEvaluation(now: Date, maxAgeHours = 24): Promise<string[]> {
  const dayAgo = new Date(now.getTime() - maxAgeHours * 3_600_000);
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT w.id FROM "Workspace" w
     WHERE EXISTS (SELECT 1 FROM "AwsAccount" a WHERE a."workspaceId" = w.id AND a.status = 'connected')
       AND COALESCE((SELECT max(s."evaluatedAt") FROM "MaturitySnapshot" s WHERE s."workspaceId" = w.id), 'epoch') < ${dayAgo}
       AND NOT EXISTS (SELECT 1 FROM "SyncRun" r
                        WHERE r."workspaceId" = w.id AND r."finishedAt" IS NULL AND r."createdAt" > ${dayAgo})`;
  return due.map((d) => d.id);
}

/** The daily evaluation, run by the worker's ten-minute scheduler. */
export async function evaluateDueWorkspaces(now: Date): Promise<string[]> {
  const due = await dueForEvaluation(now);
  for (const id of due) await evaluateAndStore(id, { trigger: "daily", now });
  return due;
}
