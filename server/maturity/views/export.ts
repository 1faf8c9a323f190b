import { stringify } from "csv-stringify/sync";
import { findCheck, getPractice } from "../catalogue";
import { resolveScope, type ScopeFilter } from "../scope";
import { overview } from "./overview";
import { accountLevelsAt, latestSnapshot } from "./snapshot";
import { storedResults, waiversById } from "./stored-results";

const COLUMNS = [
  "accountId",
  "accountName",
  "environment",
  "ouPath",
  "practice",
  "checkId",
  "check",
  "level",
  "status",
  "reason",
  "waived",
  "waiverReason",
  "since",
  "evidenceIds",
] as const;

/** Every result of the accounts in scope, one row per account and check, as of the newest snapshot. */
export async function exportRows(workspaceId: string, scopeFilter?: ScopeFilter) {
  const snapshot = await latestSnapshot(workspaceId);
  if (!snapshot) return { evaluatedAt: null, rows: [] };
  const accounts = await accountLevelsAt(workspaceId, snapshot, resolveScope(scopeFilter));
  const byId = new Map(accounts.map((a) => [a.accountId, a]));
  const results = await storedResults(workspaceId, { accountIds: accounts.map((a) => a.accountId) });
  const waivers = await waiversById(workspaceId, results);
  const rows = results.map((r) => {
    const account = byId.get(r.accountId);
    const check = findCheck(r.checkId);
    const waiver = r.waiverId ? waivers.get(r.waiverId) : undefined;
    return {
      accountId: r.accountId,
      accountName: account?.name ?? "",
      environment: account?.environment ?? "",
      ouPath: account?.ouPath ?? "",
      practice: check ? getPractice(check.practice).title : "",
      checkId: r.checkId,
      check: check?.title ?? r.checkId,
      level: check?.level ?? null,
      status: r.status,
      reason: r.reason,
      waived: Boolean(waiver),
      waiverReason: waiver?.reason ?? "",
      since: r.since.toISOString(),
      evidenceIds: r.evidenceIds.join(" "),
    };
  });
  return { evaluatedAt: snapshot.evaluatedAt, rows };
}

export async function exportCsv(workspaceId: string, scopeFilter?: ScopeFilter): Promise<string> {
  const { rows } = await exportRows(workspaceId, scopeFilter);
  return stringify(rows, { header: true, columns: [...COLUMNS], cast: { boolean: (v) => (v ? "true" : "false") } });
}

/** The ladder (levels, stage, next steps) and every result, for other tools to read. */
export async function exportJson(workspaceId: string, scopeFilter?: ScopeFilter) {
  const [{ evaluatedAt, rows }, ladder] = await Promise.all([
    exportRows(workspaceId, scopeFilter),
    overview(workspaceId, { scope: scopeFilter, trendDays: 1 }),
  ]);
  return {
    evaluatedAt,
    scope: ladder.scope,
    stage: ladder.stage,
    practices: ladder.practices.map(({ id, title, stage, level, levelTitle, accountsCounted }) => ({
      id,
      title,
      stage,
      level,
      levelTitle,
      accountsCounted,
    })),
    nextSteps: ladder.nextSteps,
    results: rows,
  };
}
