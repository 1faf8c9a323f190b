import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { findCheck } from "../catalogue";
import { attestationView, waiverView } from "../claims.service";
import { scopeCovers } from "../people";
import type { Decisive } from "../results";
import { toEvidenceScope } from "../store/claims";
import { checkInfo, resultCell } from "./check-info";
import { evidenceRows } from "./evidence-rows";
import { accountLevelsAt, latestSnapshot } from "./snapshot";
import { storedResults, waiversById } from "./stored-results";
import type { ResultDetail } from "./types";

/** One check in one account: its status, the rows it was computed from, and people's claims on it. */
export async function resultDetail(
  workspaceId: string,
  accountId: string,
  checkId: string,
  viewerId?: string,
): Promise<ResultDetail> {
  const check = findCheck(checkId);
  if (!check) throw new AppError("NOT_FOUND", `There is no check "${checkId}".`);
  const snapshot = await latestSnapshot(workspaceId);
  const [account] = snapshot
    ? await accountLevelsAt(workspaceId, snapshot, { environments: null, ouPaths: null, accountIds: [accountId] })
    : [];
  const [row] = account ? await storedResults(workspaceId, { accountIds: [accountId], checkId }) : [];
  if (!snapshot || !account || !row) throw new AppError("NOT_FOUND", "This check has no result for that account yet.");
  const decided = await db.maturityResult.findUnique({
    where: { workspaceId_accountId_checkId: { workspaceId, accountId, checkId } },
    select: { decisive: true },
  });
  const [waivers, evidence, attestations, allWaivers] = await Promise.all([
    waiversById(workspaceId, [row]),
    evidenceRows(workspaceId, row.evidenceIds, (decided?.decisive ?? {}) as Decisive),
    db.attestation.findMany({ where: { workspaceId, checkId }, orderBy: { createdAt: "desc" }, take: 200 }),
    db.waiver.findMany({ where: { workspaceId, checkId }, orderBy: { createdAt: "desc" }, take: 200 }),
  ]);
  const now = new Date();
  const covers = (c: { scopeKind: "organization" | "ou" | "account"; scopeValue: string }) =>
    scopeCovers(toEvidenceScope(c), account);
  const { accountId: _accountId, ...result } = resultCell(row, waivers);
  return {
    evaluatedAt: snapshot.evaluatedAt,
    account: { accountId: account.accountId, name: account.name, environment: account.environment, ouPath: account.ouPath },
    check: checkInfo(check),
    result,
    evidence,
    attestations: attestations.filter(covers).map((a) => attestationView(a, now, viewerId)),
    waivers: allWaivers.filter(covers).map((w) => waiverView(w, now, viewerId)),
  };
}
