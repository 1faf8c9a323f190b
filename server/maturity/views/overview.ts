import { getPractice, practices } from "../catalogue";
import { resolveScope, type ScopeFilter } from "../scope";
import { changesSince } from "./changes";
import { filterOptions } from "./filters";
import { storedNextSteps } from "./next-steps";
import { accountLevelsAt, aggregateLevels, latestSnapshot } from "./snapshot";
import { trend } from "./trend";
import type { Overview } from "./types";

const DAY_MS = 86_400_000;

export interface OverviewOptions {
  scope?: ScopeFilter;
  /** A calendar day, YYYY-MM-DD, read in UTC: what changed since its first instant. */
  since?: string;
  trendDays?: number;
  now?: Date;
}

export async function overview(workspaceId: string, options: OverviewOptions = {}): Promise<Overview> {
  const scope = resolveScope(options.scope);
  const now = options.now ?? new Date();
  const snapshot = await latestSnapshot(workspaceId);
  if (!snapshot) {
    return {
      evaluatedAt: null,
      scope,
      accountsInScope: 0,
      stage: 0,
      practices: practices.map((p) => ({
        id: p.id,
        number: p.number,
        title: p.title,
        stage: p.stage,
        outcome: p.outcome,
        level: null,
        levelTitle: null,
        accountsCounted: 0,
        distribution: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 },
        weakestAccountIds: [],
      })),
      trend: { from: trendStart(now, options.trendDays), evaluations: 0, points: [] },
      changes: null,
      nextSteps: [],
      filters: await filterOptions(workspaceId, null),
    };
  }
  const accounts = await accountLevelsAt(workspaceId, snapshot, scope);
  const accountIds = accounts.map((a) => a.accountId);
  const [history, changes, nextSteps, filters] = await Promise.all([
    trend(workspaceId, trendStart(now, options.trendDays), snapshot.evaluatedAt, scope),
    options.since
      ? changesSince({ workspaceId, since: options.since, latest: snapshot, scope, accountIds })
      : Promise.resolve(null),
    storedNextSteps(workspaceId, accountIds),
    filterOptions(workspaceId, snapshot.id),
  ]);
  const aggregate = aggregateLevels(accounts);
  return {
    evaluatedAt: snapshot.evaluatedAt,
    scope,
    accountsInScope: accounts.length,
    stage: aggregate.stage,
    practices: aggregate.practices.map((l) => {
      const p = getPractice(l.practiceId);
      return {
        id: p.id,
        number: p.number,
        title: p.title,
        stage: p.stage,
        outcome: p.outcome,
        level: l.level,
        levelTitle: l.level === null ? null : (p.levels[l.level]?.title ?? null),
        accountsCounted: l.accountsCounted,
        distribution: l.distribution,
        weakestAccountIds: l.weakestAccountIds,
      };
    }),
    trend: history,
    changes,
    nextSteps,
    filters,
  };
}

const trendStart = (now: Date, days = 365) => new Date(now.getTime() - days * DAY_MS);
