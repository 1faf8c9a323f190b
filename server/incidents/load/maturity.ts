import { db } from "~/server/db";
import { practices } from "~/server/maturity/catalogue";
import { scopeWhere, type Scope } from "../scope";
import type { MaturityEvent } from "../types";

// A practice's level on an account going up or down between two stored snapshots
// (MaturityAccountLevel, levels in the snapshot's practice order; -1 = does not apply, skipped).
// The comparison runs in SQL over the account's whole history so the first change in range still
// sees the snapshot before it. Most daily snapshots repeat the day before's levels: only an
// account's first snapshot and those whose levels (or practice order) differ from the previous
// one are unnested. A practice's value only changes on such a row and stays put between them, so
// its previous applicable level among them is the one the full history would give.

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
      SELECT k."snapshotId", k."accountId", x.practice AS "practiceId", k.at, x.level::int AS "to",
             (LAG(x.level) OVER (PARTITION BY k."accountId", x.practice ORDER BY k.at, k."snapshotId"))::int AS "from"
        FROM (
          SELECT * FROM (
            SELECT l."snapshotId", l."accountId", l."evaluatedAt" AS at, l.levels, s."practiceIds",
                   LAG(l.levels) OVER w AS "previousLevels", LAG(s."practiceIds") OVER w AS "previousPractices",
                   row_number() OVER w AS n
              FROM "MaturityAccountLevel" l
              JOIN "MaturitySnapshot" s ON s.id = l."snapshotId" AND s."workspaceId" = ${scope.workspaceId}
             WHERE l."workspaceId" = ${scope.workspaceId} AND l."evaluatedAt" < ${to}
                   ${scopeWhere(scope, { account: `l."accountId"`, environment: `l.environment::text` })}
            WINDOW w AS (PARTITION BY l."accountId" ORDER BY l."evaluatedAt", l."snapshotId")
          ) h
          WHERE h.n = 1 OR h.levels IS DISTINCT FROM h."previousLevels" OR h."practiceIds" IS DISTINCT FROM h."previousPractices"
        ) k
        CROSS JOIN LATERAL unnest(k."practiceIds", k.levels) AS x(practice, level)
       WHERE x.level >= 0
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
