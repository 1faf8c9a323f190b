import { AppError } from "~/server/errors";
import { checksOf, getPractice, practices, type PracticeId } from "../catalogue";
import { resolveScope, type ScopeFilter } from "../scope";
import { checkInfo, emptyCounts, resultCell } from "./check-info";
import { filterOptions } from "./filters";
import { accountLevelsAt, aggregateLevels, latestSnapshot } from "./snapshot";
import { storedResults, waiversById } from "./stored-results";
import type { PracticeView } from "./types";

export async function practiceView(workspaceId: string, practiceId: string, scopeFilter?: ScopeFilter): Promise<PracticeView> {
  if (!practices.some((p) => p.id === practiceId)) throw new AppError("NOT_FOUND", `There is no practice "${practiceId}".`);
  const practice = getPractice(practiceId as PracticeId);
  const scope = resolveScope(scopeFilter);
  const snapshot = await latestSnapshot(workspaceId);
  const accounts = snapshot ? await accountLevelsAt(workspaceId, snapshot, scope) : [];
  const accountIds = accounts.map((a) => a.accountId);
  const [rows, filters] = await Promise.all([
    storedResults(workspaceId, { accountIds, practiceId }),
    filterOptions(workspaceId, snapshot?.id ?? null),
  ]);
  const waivers = await waiversById(workspaceId, rows);
  const aggregate = aggregateLevels(accounts).practices.find((p) => p.practiceId === practiceId);
  const blockingByAccount = new Map<string, string[]>();
  for (const r of rows)
    if (r.blocking) blockingByAccount.set(r.accountId, [...(blockingByAccount.get(r.accountId) ?? []), r.checkId]);

  return {
    evaluatedAt: snapshot?.evaluatedAt ?? null,
    practice: {
      id: practice.id,
      number: practice.number,
      title: practice.title,
      stage: practice.stage,
      outcome: practice.outcome,
      levels: practice.levels.map((l) => ({ level: l.level, title: l.title, meaning: l.meaning })),
    },
    level: aggregate?.level ?? null,
    accounts: accounts.map((a) => ({
      accountId: a.accountId,
      name: a.name,
      environment: a.environment,
      ouPath: a.ouPath,
      level: a.levels[practice.id] ?? null,
      blockingCheckIds: blockingByAccount.get(a.accountId) ?? [],
    })),
    checks: checksOf(practice.id)
      .sort((a, b) => a.level - b.level)
      .map((check) => {
        const own = rows.filter((r) => r.checkId === check.id);
        const counts = emptyCounts();
        for (const r of own) counts[r.status] += 1;
        return {
          ...checkInfo(check),
          counts,
          waived: own.filter((r) => r.waiverId).length,
          results: own.map((r) => resultCell(r, waivers)),
        };
      }),
    filters,
  };
}
