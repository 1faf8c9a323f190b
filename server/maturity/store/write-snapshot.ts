import { createHash } from "node:crypto";
import type pg from "pg";
import { v7 as timeOrderedId } from "uuid";
import { withConnection } from "~/server/db";
import { copyRows } from "~/server/db/bulk-insert";
import { practices } from "../catalogue";
import type { AccountPracticeLevel, CheckResult, ScopedAccount, WorkspaceEvaluation } from "../results";

export interface SnapshotMeta {
  workspaceId: string;
  trigger: "sync" | "daily" | "attestation" | "waiver" | "manual";
  syncRunId?: string;
  /** How long loading and evaluating took, before this write. */
  durationMs: number;
}

/** Some accounts' part of an evaluation: their results and practice levels, nothing else. */
export interface EvaluatedAccounts {
  accounts: ScopedAccount[];
  results: CheckResult[];
  accountLevels: AccountPracticeLevel[];
}

export interface StoredSnapshot {
  snapshotId: string;
  accounts: number;
  results: number;
  /** Results that differed from the stored ones and were written. */
  resultsWritten: number;
}

interface ResultState {
  status: string;
  waived: boolean;
}

interface PreviousResult {
  accountId: string;
  checkId: string;
  status: string;
  // As the database's text: copied back unchanged, never read in the process's time zone.
  since: string;
  waived: boolean;
  digest: string;
}

/** Stores one evaluation held whole (tests, and callers that evaluated everything at once). */
export function writeSnapshot(evaluation: WorkspaceEvaluation, meta: SnapshotMeta): Promise<StoredSnapshot> {
  async function* whole() {
    yield evaluation;
  }
  return writeSnapshotInParts(evaluation.evaluatedAt, whole(), { ...meta, durationMs: () => meta.durationMs });
}

/**
 * Stores one evaluation of every account: a snapshot, each account's levels at that moment,
 * the current results, and the checks whose status changed or that a waiver began or stopped
 * covering since the previous snapshot. Only results that differ from the stored ones are
 * written, so a daily evaluation of an unchanged organisation writes a snapshot and little else.
 *
 * The evaluation arrives in parts (batches of accounts) and each part is compared and written
 * before the next is taken, so memory follows the part, not the organisation. It is all one
 * transaction, held while the parts are evaluated: readers see the previous evaluation until the
 * last part is written, and a failure leaves nothing. One evaluation per workspace at a time (an
 * advisory lock), so two syncs finishing together cannot interleave their writes.
 *
 * It writes on a connection of its own rather than through Prisma, whose debug log keeps the
 * arguments of the last hundred queries even when logging is off: with every result of a first
 * evaluation sent as parameters, that kept about 130 MB alive after the write.
 */
export async function writeSnapshotInParts(
  evaluatedAt: Date,
  parts: AsyncIterable<EvaluatedAccounts>,
  meta: Omit<SnapshotMeta, "durationMs"> & { durationMs: () => number },
): Promise<StoredSnapshot> {
  const { workspaceId } = meta;
  const practiceIds = practices.map((p) => p.id);
  return withConnection(async (client) => {
    await client.query("BEGIN");
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`maturity:${workspaceId}`]);
      const snapshotId = timeOrderedId();
      // The counts and the duration are known at the end; the row must exist before the parts.
      await client.query(
        `INSERT INTO "MaturitySnapshot" (id, "workspaceId", "evaluatedAt", trigger, "syncRunId", "practiceIds", accounts, checks, "durationMs")
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0)`,
        [snapshotId, workspaceId, evaluatedAt.toISOString(), meta.trigger, meta.syncRunId ?? null, practiceIds],
      );
      const { rows } = await client.query<{ had: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM "MaturityResult" WHERE "workspaceId" = $1) AS had`,
        [workspaceId],
      );
      const part = { client, workspaceId, snapshotId, evaluatedAt, practiceIds, hadResults: rows[0]!.had };
      const accountIds: string[] = [];
      const checkIds = new Set<string>();
      let results = 0;
      let resultsWritten = 0;
      for await (const evaluated of parts) {
        resultsWritten += await writePart(part, evaluated);
        for (const a of evaluated.accounts) accountIds.push(a.accountId);
        for (const r of evaluated.results) checkIds.add(r.checkId);
        results += evaluated.results.length;
      }
      await removeAccountsGone(part, accountIds);
      await client.query(`UPDATE "MaturitySnapshot" SET accounts = $2, checks = $3, "durationMs" = $4 WHERE id = $1`, [
        snapshotId,
        accountIds.length,
        checkIds.size,
        Math.round(meta.durationMs()),
      ]);
      await client.query("COMMIT");
      return { snapshotId, accounts: accountIds.length, results, resultsWritten };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

interface Part {
  client: pg.PoolClient;
  workspaceId: string;
  snapshotId: string;
  evaluatedAt: Date;
  practiceIds: string[];
  hadResults: boolean;
}

/** One part's levels, and its results compared with the stored ones of the same accounts. */
async function writePart(part: Part, evaluated: EvaluatedAccounts): Promise<number> {
  const { client, workspaceId, snapshotId, evaluatedAt } = part;
  await copyRows(client, "MaturityAccountLevel", accountLevelRows(part, evaluated));
  const blocking = new Set(evaluated.accountLevels.flatMap((l) => l.blockingCheckIds.map((c) => `${l.accountId}|${c}`)));
  const previous = await client.query<PreviousResult>(
    `SELECT "accountId", "checkId", status::text AS status, since::text AS since, "waiverId" IS NOT NULL AS waived, digest
       FROM "MaturityResult" WHERE "workspaceId" = $1 AND "accountId" = ANY($2::text[])`,
    [workspaceId, evaluated.accounts.map((a) => a.accountId)],
  );
  const before = new Map(previous.rows.map((r) => [`${r.accountId}|${r.checkId}`, r]));
  const changes: Record<string, unknown>[] = [];
  const written: Record<string, unknown>[] = [];
  const replaced: PreviousResult[] = [];
  for (const r of evaluated.results) {
    const key = `${r.accountId}|${r.checkId}`;
    const prior = before.get(key);
    before.delete(key);
    const isBlocking = blocking.has(key);
    const digest = digestOf(r, isBlocking);
    if (prior?.digest === digest) continue;
    if (prior) replaced.push(prior);
    const statusChanged = prior?.status !== r.status;
    const waived = r.waiver !== undefined;
    if (part.hadResults && (statusChanged || (prior?.waived ?? false) !== waived)) {
      changes.push(change(part, r.accountId, r.checkId, prior ?? null, { status: r.status, waived }));
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
      snapshotId,
      digest,
    });
  }
  const gone = [...before.values()];
  for (const g of gone) changes.push(change(part, g.accountId, g.checkId, g, null));

  // Changed rows are replaced (delete, then insert in bulk); vanished ones just deleted.
  const stale = [...gone, ...replaced];
  if (stale.length) {
    await client.query(
      `DELETE FROM "MaturityResult" r
        USING unnest($2::text[], $3::text[]) AS x("accountId", "checkId")
        WHERE r."workspaceId" = $1 AND r."accountId" = x."accountId" AND r."checkId" = x."checkId"`,
      [workspaceId, stale.map((g) => g.accountId), stale.map((g) => g.checkId)],
    );
  }
  await copyRows(client, "MaturityResult", written);
  await copyRows(client, "MaturityChange", changes);
  return written.length;
}

/** The results of accounts the evaluation no longer covers: deleted, each recorded as a change. */
async function removeAccountsGone(part: Part, accountIds: string[]): Promise<void> {
  await part.client.query(
    `WITH gone AS (
       DELETE FROM "MaturityResult" r
        WHERE r."workspaceId" = $1 AND r."accountId" <> ALL($2::text[])
       RETURNING r."accountId", r."checkId", r.status, r."waiverId" IS NOT NULL AS waived)
     INSERT INTO "MaturityChange" (id, "workspaceId", "snapshotId", "evaluatedAt", "accountId", "checkId",
                                   "fromStatus", "fromWaived", "toStatus", "toWaived")
     SELECT gen_random_uuid()::text, $1, $3, $4, g."accountId", g."checkId", g.status, g.waived, NULL, false FROM gone g`,
    [part.workspaceId, accountIds, part.snapshotId, part.evaluatedAt.toISOString()],
  );
}

function change(part: Part, accountId: string, checkId: string, from: ResultState | null, to: ResultState | null) {
  return {
    id: crypto.randomUUID(),
    workspaceId: part.workspaceId,
    snapshotId: part.snapshotId,
    evaluatedAt: part.evaluatedAt,
    accountId,
    checkId,
    fromStatus: from?.status ?? null,
    fromWaived: from?.waived ?? false,
    toStatus: to?.status ?? null,
    toWaived: to?.waived ?? false,
  };
}

function accountLevelRows(part: Part, evaluated: EvaluatedAccounts) {
  const { practiceIds } = part;
  const levels = new Map<string, number[]>();
  for (const l of evaluated.accountLevels) {
    const row = levels.get(l.accountId) ?? practiceIds.map(() => -1);
    row[practiceIds.indexOf(l.practiceId)] = l.level ?? -1;
    levels.set(l.accountId, row);
  }
  return evaluated.accounts.map((account) => ({
    snapshotId: part.snapshotId,
    workspaceId: part.workspaceId,
    evaluatedAt: part.evaluatedAt,
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
