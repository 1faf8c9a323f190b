import { db } from "~/server/db";
import { findCheck, type PracticeId } from "../catalogue";
import { countsAsPass } from "../levels";
import type { CheckStatus, ResolvedScope } from "../results";
import { evaluationsFrom, lastEvaluationBefore, startOfUtcDay } from "./evaluations";
import { levelsAt } from "./trend";
import type { ChangeCause, ChangesSince, CheckChange } from "./types";

const MAX_GROUPS = 200;

interface ChangeRow {
  accountId: string;
  checkId: string;
  from: CheckStatus | null;
  fromWaived: boolean;
  to: CheckStatus | null;
  toWaived: boolean;
}

/**
 * What changed since a day: the baseline is the last evaluation strictly before 00:00 UTC on
 * that day, compared with the latest evaluation. Each check is collapsed per account to its
 * state at the baseline and its state now, so a result that failed, passed and failed again in
 * between is no change. Without a baseline nothing is listed as changed: there is nothing to
 * compare with, only the first evaluation in range to name.
 */
export async function changesSince(options: {
  workspaceId: string;
  /** A calendar day, YYYY-MM-DD, read in UTC. */
  since: string;
  latest: { id: string; evaluatedAt: Date };
  scope: ResolvedScope;
  accountIds: readonly string[];
}): Promise<ChangesSince> {
  const { workspaceId, since, latest, scope } = options;
  const sinceStart = startOfUtcDay(since);
  const [baseline, inRange] = await Promise.all([
    lastEvaluationBefore(workspaceId, sinceStart),
    evaluationsFrom(workspaceId, sinceStart, latest.evaluatedAt),
  ]);
  const first = inRange[0];
  const summary = {
    since,
    sinceStart,
    latest: { evaluatedAt: latest.evaluatedAt },
    evaluations: inRange.length,
    firstInRange: first ? { evaluatedAt: first.evaluatedAt } : null,
  };
  if (!baseline) return { ...summary, baseline: null, checks: [] };

  // No in-scope account at the baseline (the scope's accounts joined later): every level was none.
  const levels = (await levelsAt(workspaceId, [baseline.id], scope)).get(baseline.id) ?? { stage: 0, levels: {} };
  return {
    ...summary,
    baseline: { evaluatedAt: baseline.evaluatedAt, ...levels },
    checks: await checkChanges(workspaceId, sinceStart, latest.evaluatedAt, options.accountIds),
  };
}

async function checkChanges(workspaceId: string, from: Date, until: Date, accountIds: readonly string[]): Promise<CheckChange[]> {
  const rows = await db.$queryRaw<ChangeRow[]>`
    SELECT "accountId", "checkId",
           (array_agg("fromStatus"::text ORDER BY "evaluatedAt", "snapshotId"))[1] AS "from",
           (array_agg("fromWaived" ORDER BY "evaluatedAt", "snapshotId"))[1] AS "fromWaived",
           (array_agg("toStatus"::text ORDER BY "evaluatedAt" DESC, "snapshotId" DESC))[1] AS "to",
           (array_agg("toWaived" ORDER BY "evaluatedAt" DESC, "snapshotId" DESC))[1] AS "toWaived"
      FROM "MaturityChange"
     WHERE "workspaceId" = ${workspaceId} AND "evaluatedAt" >= ${from} AND "evaluatedAt" <= ${until}
       AND "accountId" = ANY(${[...accountIds]})
     GROUP BY "accountId", "checkId"`;
  const groups = new Map<string, CheckChange>();
  for (const row of rows) {
    const causes = causesOf(row);
    if (!causes.length) continue;
    const check = findCheck(row.checkId);
    const key = `${row.checkId}|${row.from}|${row.fromWaived}|${row.to}|${row.toWaived}`;
    const group = groups.get(key) ?? {
      checkId: row.checkId,
      title: check?.title ?? row.checkId,
      practiceId: (check?.practice ?? "multi-account") as PracticeId,
      from: row.from,
      fromWaived: row.fromWaived,
      to: row.to,
      toWaived: row.toWaived,
      causes,
      accountIds: [],
    };
    group.accountIds.push(row.accountId);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => rank(b) - rank(a) || b.accountIds.length - a.accountIds.length || a.checkId.localeCompare(b.checkId))
    .slice(0, MAX_GROUPS);
}

// A manual check is judged on attestations alone, so its status moves only when one is made,
// revoked or lapses; an automated one moves with its evidence. A waiver moves how it counts.
function causesOf(row: ChangeRow): ChangeCause[] {
  const causes: ChangeCause[] = [];
  if (row.from !== row.to) causes.push(findCheck(row.checkId)?.mode === "manual" ? "attestation" : "evidence");
  if (row.fromWaived !== row.toWaived) causes.push("waiver");
  return causes;
}

const counts = (status: CheckStatus | null, waived: boolean) => status !== null && countsAsPass(status, waived);

// Regressions first: a check that stopped counting as passed matters more than one that started.
const rank = (c: CheckChange) => (counts(c.from, c.fromWaived) && !counts(c.to, c.toWaived) ? 1 : 0);
