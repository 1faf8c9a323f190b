import { createHash } from "node:crypto";
import { db } from "~/server/db";
import { insertRows } from "~/server/db/bulk-insert";
import { practices } from "../catalogue";
import type { CheckResult, WorkspaceEvaluation } from "../results";

export interface SnapshotMeta {
  workspaceId: string;
  trigger: "sync" | "daily" | "attestation" | "waiver" | "manual";
  syncRunId?: string;
  /** How long loading and evaluating took, before this write. */
  durationMs: number;
}

interface ResultState {
  status: string;
  waived: boolean;
}

interface PreviousResult {
  accountId: string;
  checkId: string;
  status: string;
  since: Date;
  waived: boolean;
  digest: string;
}

/**
 * Stores one evaluation of every account: a snapshot, each account's levels at that moment,
 * the current results, and the checks whose status changed or that a waiver began or stopped
 * covering since the previous snapshot. Only results that differ from the stored ones are
 * written, so a daily evaluation of an unchanged organisation writes a snapshot and little else. One evaluation per workspace at a time (an
 * advisory lock), so two syncs finishing together cannot interleave their writes.
 */
export async function writeSnapshot(
  evaluation: WorkspaceEvaluation,
  meta: SnapshotMeta,
): Promise<{ snapshotId: string; resultsWritten: number }> {
  const { workspaceId } = meta;
  const evaluatedAt = evaluation.evaluatedAt;
  const practiceIds = practices.map((p) => p.id);
  const blocking = new Set(evaluation.accountLevels.flatMap((l) => l.blockingCheckIds.map((c) => `${l.accountId}|${c}`)));

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`maturity:${workspaceId}`}))`;
      const snapshot = await tx.maturitySnapshot.create({
        data: {
          workspaceId,
          evaluatedAt,
          trigger: meta.trigger,
          syncRunId: meta.syncRunId ?? null,
          practiceIds,
          accounts: evaluation.accounts.length,
          checks: new Set(evaluation.results.map((r) => r.checkId)).size,
          durationMs: Math.round(meta.durationMs),
        },
        select: { id: true },
      });
      await insertRows(tx, "MaturityAccountLevel", accountLevelRows(evaluation, snapshot.id, workspaceId, practiceIds));

      const previous = await tx.$queryRaw<PreviousResult[]>`
        SELECT "accountId", "checkId", status::text AS status, since, "waiverId" IS NOT NULL AS waived, digest
          FROM "MaturityResult" WHERE "workspaceId" = ${workspaceId}`;
      const before = new Map(previous.map((r) => [`${r.accountId}|${r.checkId}`, r]));
      const hadResults = previous.length > 0;
      const changes: Record<string, unknown>[] = [];
      const written: Record<string, unknown>[] = [];
      const replaced: PreviousResult[] = [];
      for (const r of evaluation.results) {
        const key = `${r.accountId}|${r.checkId}`;
        const prior = before.get(key);
        before.delete(key);
        const isBlocking = blocking.has(key);
        const digest = digestOf(r, isBlocking);
        if (prior?.digest === digest) continue;
        if (prior) replaced.push(prior);
        const statusChanged = prior?.status !== r.status;
        const waived = r.waiver !== undefined;
        if (hadResults && (statusChanged || (prior?.waived ?? false) !== waived)) {
          changes.push(change(r.accountId, r.checkId, prior ?? null, { status: r.status, waived }));
        }
        written.push({
          workspaceId,
          accountId: r.accountId,
          checkId: r.checkId,
          practiceId: r.practiceId,
          level: r.level,
          status: r.status,
          reason: r.reason,
          evidenceIds: r.evidenceIds,
          decisive: r.decisive ?? {},
          waiverId: r.waiver?.id ?? null,
          countsAsPass: r.countsAsPass,
          blocking: isBlocking,
          since: prior && !statusChanged ? prior.since : evaluatedAt,
          snapshotId: snapshot.id,
          digest,
        });
      }
      const gone = [...before.values()];
      for (const g of gone) changes.push(change(g.accountId, g.checkId, g, null));

      // Changed rows are replaced (delete, then insert in bulk); vanished ones just deleted.
      const stale = [...gone, ...replaced];
      if (stale.length) {
        await tx.$executeRaw`
          DELETE FROM "MaturityResult" r
           USING unnest(${stale.map((g) => g.accountId)}::text[], ${stale.map((g) => g.checkId)}::text[]) AS x("accountId", "checkId")
           WHERE r."workspaceId" = ${workspaceId} AND r."accountId" = x."accountId" AND r."checkId" = x."checkId"`;
      }
      await insertRows(tx, "MaturityResult", written);
      await insertRows(tx, "MaturityChange", changes);
      return { snapshotId: snapshot.id, resultsWritten: written.length };

      function change(accountId: string, checkId: string, from: ResultState | null, to: ResultState | null) {
        return {
          id: crypto.randomUUID(),
          workspaceId,
          snapshotId: snapshot.id,
          evaluatedAt,
          accountId,
          checkId,
          fromStatus: from?.status ?? null,
          fromWaived: from?.waived ?? false,
          toStatus: to?.status ?? null,
          toWaived: to?.waived ?? false,
        };
      }
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

function accountLevelRows(evaluation: WorkspaceEvaluation, snapshotId: string, workspaceId: string, practiceIds: string[]) {
  const levels = new Map<string, number[]>();
  for (const l of evaluation.accountLevels) {
    const row = levels.get(l.accountId) ?? practiceIds.map(() => -1);
    row[practiceIds.indexOf(l.practiceId)] = l.level ?? -1;
    levels.set(l.accountId, row);
  }
  return evaluation.accounts.map((account) => ({
    snapshotId,
    workspaceId,
    evaluatedAt: evaluation.evaluatedAt,
    accountId: account.accountId,
    environment: account.environment,
    ouPath: account.ouPath,
    levels: levels.get(account.accountId) ?? practiceIds.map(() => -1),
  }));
}

function digestOf(r: CheckResult, blocking: boolean): string {
  const fields: unknown[] = [
    r.practiceId,
    r.level,
    r.status,
    r.reason,
    r.evidenceIds,
    r.waiver?.id ?? null,
    r.countsAsPass,
    blocking,
  ];
  // Only where a rule names deciding fields, so results without them keep the digests they had.
  if (r.decisive) fields.push(r.decisive);
  return createHash("sha1").update(JSON.stringify(fields)).digest("base64url");
}
