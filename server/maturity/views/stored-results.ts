import { db } from "~/server/db";
import type { StoredResultRow, WaiverSummary } from "./check-info";

const select = {
  accountId: true,
  checkId: true,
  status: true,
  reason: true,
  since: true,
  evidenceIds: true,
  waiverId: true,
  blocking: true,
} as const;

/** Current results of a workspace, narrowed by accounts and optionally practice or check. */
export async function storedResults(
  workspaceId: string,
  where: { accountIds: readonly string[]; practiceId?: string; checkId?: string },
): Promise<StoredResultRow[]> {
  return db.maturityResult.findMany({
    where: {
      workspaceId,
      accountId: { in: [...where.accountIds] },
      ...(where.practiceId ? { practiceId: where.practiceId } : {}),
      ...(where.checkId ? { checkId: where.checkId } : {}),
    },
    select,
    orderBy: [{ checkId: "asc" }, { accountId: "asc" }],
  });
}

export async function waiversById(workspaceId: string, rows: readonly StoredResultRow[]): Promise<Map<string, WaiverSummary>> {
  const ids = [...new Set(rows.flatMap((r) => (r.waiverId ? [r.waiverId] : [])))];
  if (!ids.length) return new Map();
  const waivers = await db.waiver.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, reason: true, approvedByName: true, expiresAt: true },
  });
  return new Map(waivers.map((w) => [w.id, w]));
}
