import { db } from "~/server/db";
import { insertRows } from "~/server/db/bulk-insert";
import { practices } from "../catalogue";
import type { WorkspaceEvaluation } from "../results";

export interface SnapshotMeta {
  workspaceId: string;
  trigger: "sync" | "daily" | "attestation" | "waiver" | "manual";
  syncRunId?: string;
  /** How long loading and evaluating took, before this write. */
  durationMs: number;
}

interface PreviousResult {
  accountId: string;
  checkId: string;
  status: string;
  since: Date;
}

/**
 * Stores one evaluation of every account: a snapshot, each account's levels at that moment,
 * the current results (replaced), and the checks whose status changed since the previous
 * snapshot. One evaluation per workspace at a time (an advisory lock), so two syncs finishing
 * together cannot interleave their writes.
 */
export async function writeSnapshot(evaluation: WorkspaceEvaluation, meta: SnapshotMeta): Promise<{ snapshotId: string }> {
  const { workspaceId } = meta;
  const evaluatedAt = evaluation.evaluatedAt;
  const practiceIds = practices.map((p) => p.id);
  const blocking = new Set(evaluation.accountLevels.flatMap((l) => l.blockingCheckIds.map((c) => `${l.accountId}|${c}`)));
  const accountsById = new Map(evaluation.accounts.map((a) => [a.accountId, a]));

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`maturity:${workspaceId}`}))`;
      const previous = await tx.$queryRaw<PreviousResult[]>`
        SELECT "accountId", "checkId", status::text AS status, since FROM "MaturityResult" WHERE "workspaceId" = ${workspaceId}`;
      const before = new Map(previous.map((r) => [`${r.accountId}|${r.checkId}`, r]));
      const hadSnapshot = previous.length > 0;

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

      const levels = new Map<string, number[]>();
      for (const l of evaluation.accountLevels) {
        const row = levels.get(l.accountId) ?? practiceIds.map(() => -1);
        row[practiceIds.indexOf(l.practiceId)] = l.level ?? -1;
        levels.set(l.accountId, row);
      }
      await insertRows(
        tx,
        "MaturityAccountLevel",
        [...levels].map(([accountId, row]) => {
          const account = accountsById.get(accountId);
          return {
            snapshotId: snapshot.id,
            workspaceId,
            evaluatedAt,
            accountId,
            environment: account?.environment ?? null,
            ouPath: account?.ouPath ?? null,
            levels: row,
          };
        }),
      );

      const changes: Record<string, unknown>[] = [];
      const results = evaluation.results.map((r) => {
        const key = `${r.accountId}|${r.checkId}`;
        const prior = before.get(key);
        before.delete(key);
        if (hadSnapshot && prior?.status !== r.status) {
          changes.push(change(r.accountId, r.checkId, prior?.status ?? null, r.status));
        }
        return {
          workspaceId,
          accountId: r.accountId,
          checkId: r.checkId,
          practiceId: r.practiceId,
          level: r.level,
          status: r.status,
          reason: r.reason,
          evidenceIds: r.evidenceIds,
          waiverId: r.waiver?.id ?? null,
          countsAsPass: r.countsAsPass,
          blocking: blocking.has(key),
          since: prior && prior.status === r.status ? prior.since : evaluatedAt,
          snapshotId: snapshot.id,
        };
      });
      for (const gone of before.values()) changes.push(change(gone.accountId, gone.checkId, gone.status, null));

      await tx.$executeRaw`DELETE FROM "MaturityResult" WHERE "workspaceId" = ${workspaceId}`;
      await insertRows(tx, "MaturityResult", results);
      await insertRows(tx, "MaturityChange", changes);
      return { snapshotId: snapshot.id };

      function change(accountId: string, checkId: string, fromStatus: string | null, toStatus: string | null) {
        return {
          id: crypto.randomUUID(),
          workspaceId,
          snapshotId: snapshot.id,
          evaluatedAt,
          accountId,
          checkId,
          fromStatus,
          toStatus,
        };
      }
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}
