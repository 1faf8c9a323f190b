import { db } from "~/server/db";
import { practices, type Level, type PracticeId, type Stage } from "../catalogue";
import type { Environment } from "../evidence";
import { organizationStage, practiceLevel } from "../levels";
import type { AccountPracticeLevel, PracticeLevel, ResolvedScope } from "../results";
import { scopeCondition } from "./scope-sql";
import type { AccountRef } from "./types";

export interface LatestSnapshot {
  id: string;
  evaluatedAt: Date;
  practiceIds: string[];
}

export async function latestSnapshot(workspaceId: string): Promise<LatestSnapshot | null> {
  return db.maturitySnapshot.findFirst({
    where: { workspaceId },
    orderBy: { evaluatedAt: "desc" },
    select: { id: true, evaluatedAt: true, practiceIds: true },
  });
}

export interface StoredAccountLevels extends AccountRef {
  /** By practice id; null where the practice does not apply. */
  levels: Partial<Record<PracticeId, Level | null>>;
}

/** The in-scope accounts of one snapshot, with where they sat then and their levels. */
export async function accountLevelsAt(
  workspaceId: string,
  snapshot: LatestSnapshot,
  scope: ResolvedScope,
): Promise<StoredAccountLevels[]> {
  const rows = await db.$queryRaw<
    { accountId: string; name: string | null; environment: Environment | null; ouPath: string | null; levels: number[] }[]
  >`
    SELECT l."accountId", a.name, l.environment::text AS environment, l."ouPath", l.levels
      FROM "MaturityAccountLevel" l
      LEFT JOIN "AwsAccount" a ON a."workspaceId" = l."workspaceId" AND a."accountId" = l."accountId"
     WHERE l."snapshotId" = ${snapshot.id} AND l."workspaceId" = ${workspaceId} AND ${scopeCondition("l", scope)}
     ORDER BY l."accountId"`;
  return rows.map((r) => ({
    accountId: r.accountId,
    name: r.name,
    environment: r.environment,
    ouPath: r.ouPath,
    levels: byPractice(snapshot.practiceIds, r.levels),
  }));
}

export function byPractice(practiceIds: readonly string[], levels: ReadonlyArray<number | null>) {
  const out: Partial<Record<PracticeId, Level | null>> = {};
  practiceIds.forEach((id, i) => {
    const level = levels[i];
    out[id as PracticeId] = level === null || level === undefined || level < 0 ? null : (level as Level);
  });
  return out;
}

/** The organisation's level per practice and its stage, from stored per-account levels. */
export function aggregateLevels(accounts: readonly StoredAccountLevels[]): { practices: PracticeLevel[]; stage: 0 | Stage } {
  const accountLevels: AccountPracticeLevel[] = accounts.flatMap((a) =>
    practices.map((p) => ({
      accountId: a.accountId,
      practiceId: p.id,
      level: a.levels[p.id] ?? null,
      blockingCheckIds: [],
      reachedWithWaivers: false,
    })),
  );
  const levels = practices.map((p) => practiceLevel(p, accountLevels));
  return { practices: levels, stage: organizationStage(levels, accounts.length) };
}

/** Stage from per-practice organisation levels alone (history keeps no per-account detail here). */
export function stageOf(levels: Partial<Record<PracticeId, Level | null>>, accounts: number): 0 | Stage {
  return organizationStage(
    practices.map((p) => ({
      practiceId: p.id,
      stage: p.stage,
      level: levels[p.id] ?? null,
      aggregate: "minimum",
      accountsCounted: 0,
      distribution: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 },
      weakestAccountIds: [],
    })),
    accounts,
  );
}
