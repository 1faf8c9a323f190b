import { db } from "~/server/db";
import { practices } from "~/server/maturity/catalogue";
import { scopeWhere, type Scope } from "../scope";
import type { MaturityEvent } from "../types";

// A practice's level on an account going up or down between two stored snapshots
// (MaturityAccountLevel, levels in the snapshot's practice order; -1 = does not apply, skipped).
// The comparison runs in SQL over the account's whole history so the first change in range still
// sees the snapshot before it.

const names = new Map(practices.map((p) => [p.id as string, p.title]));

interface ChangeRow {
  snapshotId: string;
  accountId: string;
  practiceId: string;
  at: Date;
  from: number;
  to: number;
}

export async function loadMaturityChanges(scope: Scope, from = scope.from, to = scope.to): Promise<MaturityEvent[]> {
  const rows = await db.$queryRaw<ChangeRow[]>`
    SELECT "snapshotId", "accountId", "practiceId", at, "from", "to" FROM (
      SELECT l."snapshotId", l."accountId", x.practice AS "practiceId", l."evaluatedAt" AS at, x.level::int AS "to",
             (LAG(x.level) OVER (PARTITION BY l."accountId", x.practice ORDER BY l."evaluatedAt", l."snapshotId"))::int AS "from"
        FROM "MaturityAccountLevel" l
        JOIN "MaturitySnapshot" s ON s.id = l."snapshotId" AND s."workspaceId" = ${scope.workspaceId}
        CROSS JOIN LATERAL unnest(s."practiceIds", l.levels) AS x(practice, level)
       WHERE l."workspaceId" = ${scope.workspaceId} AND l."evaluatedAt" < ${to} AND x.level >= 0
             ${scopeWhere(scope, { account: `l."accountId"`, environment: `l.environment::text` })}
    ) c
    WHERE c."from" IS NOT NULL AND c."from" <> c."to" AND c.at >= ${from}
    ORDER BY c.at, c."accountId", c."practiceId"`;
  return rows.map((r) => ({
    id: `${r.snapshotId}:${r.accountId}:${r.practiceId}`,
    at: r.at,
    practiceId: r.practiceId,
    practiceName: names.get(r.practiceId) ?? r.practiceId,
    accountId: r.accountId,
    from: r.from,
    to: r.to,
  }));
}
