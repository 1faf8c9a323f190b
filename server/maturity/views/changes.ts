import { db } from "~/server/db";
import { findCheck, type PracticeId } from "../catalogue";
import type { CheckStatus, ResolvedScope } from "../results";
import { trend } from "./trend";
import type { ChangesSince, CheckChange } from "./types";

const MAX_GROUPS = 200;

/**
 * What changed since a date: the ladder as it stood then (the newest snapshot at or before it)
 * and every check whose status differs now, collapsed per account to first-then, last-now.
 */
export async function changesSince(
  workspaceId: string,
  since: Date,
  scope: ResolvedScope,
  accountIds: readonly string[],
): Promise<ChangesSince> {
  const then = await db.maturitySnapshot.findFirst({
    where: { workspaceId, evaluatedAt: { lte: since } },
    orderBy: { evaluatedAt: "desc" },
    select: { id: true, evaluatedAt: true },
  });
  const [thenPoint] = then ? await trend(workspaceId, then.evaluatedAt, scope, [then.id]) : [];
  const rows = await db.$queryRaw<{ accountId: string; checkId: string; from: CheckStatus | null; to: CheckStatus | null }[]>`
    SELECT "accountId", "checkId",
           (array_agg("fromStatus"::text ORDER BY "evaluatedAt", id))[1] AS "from",
           (array_agg("toStatus"::text ORDER BY "evaluatedAt" DESC, id DESC))[1] AS "to"
      FROM "MaturityChange"
     WHERE "workspaceId" = ${workspaceId} AND "evaluatedAt" > ${since} AND "accountId" = ANY(${[...accountIds]})
     GROUP BY "accountId", "checkId"`;
  const groups = new Map<string, CheckChange>();
  for (const row of rows) {
    if (row.from === row.to) continue;
    const check = findCheck(row.checkId);
    const key = `${row.checkId}|${row.from}|${row.to}`;
    const group = groups.get(key) ?? {
      checkId: row.checkId,
      title: check?.title ?? row.checkId,
      practiceId: (check?.practice ?? "multi-account") as PracticeId,
      from: row.from,
      to: row.to,
      accountIds: [],
    };
    group.accountIds.push(row.accountId);
    groups.set(key, group);
  }
  const checks = [...groups.values()]
    .sort((a, b) => rank(b) - rank(a) || b.accountIds.length - a.accountIds.length || a.checkId.localeCompare(b.checkId))
    .slice(0, MAX_GROUPS);
  return {
    since,
    then: then && thenPoint ? { evaluatedAt: then.evaluatedAt, stage: thenPoint.stage, levels: thenPoint.levels } : null,
    checks,
  };
}

// Regressions first: a check that stopped passing matters more than one that started.
const passing = new Set<CheckStatus | null>(["pass", "warning", "not_applicable"]);
const rank = (c: CheckChange) => (passing.has(c.from) && !passing.has(c.to) ? 1 : 0);
