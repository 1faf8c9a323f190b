import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { findCheck, practices } from "../catalogue";
import { checkInfo, resultCell } from "./check-info";
import { accountLevelsAt, latestSnapshot } from "./snapshot";
import { storedResults, waiversById } from "./stored-results";
import type { AccountView } from "./types";

export async function accountView(workspaceId: string, accountId: string): Promise<AccountView> {
  const snapshot = await latestSnapshot(workspaceId);
  const [stored] = snapshot
    ? await accountLevelsAt(workspaceId, snapshot, { environments: null, ouPaths: null, accountIds: [accountId] })
    : [];
  if (!stored) {
    const known = await db.awsAccount.findFirst({ where: { workspaceId, accountId }, select: { id: true } });
    throw new AppError("NOT_FOUND", known ? "This account has not been evaluated yet; sync it first." : "No such account.");
  }
  const rows = await storedResults(workspaceId, { accountIds: [accountId] });
  const waivers = await waiversById(workspaceId, rows);
  return {
    evaluatedAt: snapshot!.evaluatedAt,
    account: { accountId: stored.accountId, name: stored.name, environment: stored.environment, ouPath: stored.ouPath },
    practices: practices.map((p) => {
      const level = stored.levels[p.id] ?? null;
      return {
        id: p.id,
        title: p.title,
        stage: p.stage,
        level,
        levelTitle: level === null ? null : (p.levels[level]?.title ?? null),
        blockingCheckIds: rows.filter((r) => r.blocking && findCheck(r.checkId)?.practice === p.id).map((r) => r.checkId),
      };
    }),
    results: rows.flatMap((r) => {
      const check = findCheck(r.checkId);
      if (!check) return [];
      const { accountId: _accountId, ...cell } = resultCell(r, waivers);
      return [{ ...checkInfo(check), ...cell }];
    }),
  };
}
