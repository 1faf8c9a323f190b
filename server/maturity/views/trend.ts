import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { practices } from "../catalogue";
import type { ResolvedScope } from "../results";
import { scopeCondition } from "./scope-sql";
import { byPractice, stageOf } from "./snapshot";
import type { TrendPoint } from "./types";

/**
 * The organisation's level per practice over time: the last snapshot of each day in the window,
 * each practice at the minimum over the in-scope accounts where it applies. One query, so the
 * overview stays close to the cost of the aggregate itself.
 */
export function trendSql(workspaceId: string, from: Date, scope: ResolvedScope, snapshotIds?: string[]): Prisma.Sql {
  const width = Math.max(practices.length, 1);
  const columns = Array.from({ length: width }, (_, i) => Prisma.raw(`min(NULLIF(l.levels[${i + 1}], -1))`));
  const only = snapshotIds ? Prisma.sql`AND id = ANY(${snapshotIds})` : Prisma.empty;
  return Prisma.sql`
    WITH days AS (
      SELECT DISTINCT ON (date_trunc('day', "evaluatedAt")) id, "evaluatedAt", "practiceIds"
        FROM "MaturitySnapshot"
       WHERE "workspaceId" = ${workspaceId} AND "evaluatedAt" >= ${from} ${only}
       ORDER BY date_trunc('day', "evaluatedAt"), "evaluatedAt" DESC
    )
    SELECT d."evaluatedAt", d."practiceIds", count(*)::int AS accounts, ARRAY[${Prisma.join(columns, ", ")}] AS levels
      FROM days d
      JOIN "MaturityAccountLevel" l ON l."snapshotId" = d.id
     WHERE ${scopeCondition("l", scope)}
     GROUP BY d.id, d."evaluatedAt", d."practiceIds"
     ORDER BY d."evaluatedAt"`;
}

interface TrendRow {
  evaluatedAt: Date;
  practiceIds: string[];
  accounts: number;
  levels: Array<number | null>;
}

export async function trend(
  workspaceId: string,
  from: Date,
  scope: ResolvedScope,
  snapshotIds?: string[],
): Promise<TrendPoint[]> {
  const rows = await db.$queryRaw<TrendRow[]>(trendSql(workspaceId, from, scope, snapshotIds));
  return rows.map((r) => {
    const levels = byPractice(r.practiceIds, r.levels);
    return { evaluatedAt: r.evaluatedAt, stage: stageOf(levels, r.accounts), levels };
  });
}
