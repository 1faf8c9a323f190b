import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { practices } from "../catalogue";
import type { ResolvedScope } from "../results";
import { byUtcDay, evaluationsFrom } from "./evaluations";
import { scopeCondition } from "./scope-sql";
import { byPractice, stageOf } from "./snapshot";
import type { Trend, TrendPoint } from "./types";

/**
 * The organisation's level per practice at each of the given snapshots, each practice at the
 * minimum over the in-scope accounts where it applies. One query, so the overview stays close to
 * the cost of the aggregate itself.
 */
export function trendSql(workspaceId: string, snapshotIds: readonly string[], scope: ResolvedScope): Prisma.Sql {
  const width = Math.max(practices.length, 1);
  const columns = Array.from({ length: width }, (_, i) => Prisma.raw(`min(NULLIF(l.levels[${i + 1}], -1))`));
  return Prisma.sql`
    SELECT s.id, s."practiceIds", count(*)::int AS accounts, ARRAY[${Prisma.join(columns, ", ")}] AS levels
      FROM "MaturitySnapshot" s
      JOIN "MaturityAccountLevel" l ON l."snapshotId" = s.id
     WHERE s."workspaceId" = ${workspaceId} AND s.id = ANY(${[...snapshotIds]}) AND ${scopeCondition("l", scope)}
     GROUP BY s.id, s."practiceIds"`;
}

interface LevelsRow {
  id: string;
  practiceIds: string[];
  accounts: number;
  levels: Array<number | null>;
}

/** The stage and practice levels at each snapshot; a snapshot with no in-scope account is left out. */
export async function levelsAt(
  workspaceId: string,
  snapshotIds: readonly string[],
  scope: ResolvedScope,
): Promise<Map<string, Pick<TrendPoint, "stage" | "levels">>> {
  if (!snapshotIds.length) return new Map();
  const rows = await db.$queryRaw<LevelsRow[]>(trendSql(workspaceId, snapshotIds, scope));
  return new Map(
    rows.map((r) => {
      const levels = byPractice(r.practiceIds, r.levels);
      return [r.id, { stage: stageOf(levels, r.accounts), levels }];
    }),
  );
}

/**
 * Every evaluation from `from` to `until` is counted; the chart plots the last evaluation of
 * each UTC day, and each point says how many evaluations ran that day.
 */
export async function trend(workspaceId: string, from: Date, until: Date, scope: ResolvedScope): Promise<Trend> {
  const evaluations = await evaluationsFrom(workspaceId, from, until);
  const days = byUtcDay(evaluations);
  const levels = await levelsAt(
    workspaceId,
    days.map((d) => d.last.id),
    scope,
  );
  const points = days.flatMap((d): TrendPoint[] => {
    const at = levels.get(d.last.id);
    return at ? [{ day: d.day, evaluatedAt: d.last.evaluatedAt, evaluations: d.count, ...at }] : [];
  });
  return { from, evaluations: evaluations.length, points };
}
