import { db } from "~/server/db";
import { rankSteps, type NextStep } from "../next-steps";

/** Stored blocking results of the in-scope accounts, ranked like a live evaluation's. */
export async function storedNextSteps(workspaceId: string, accountIds: readonly string[]): Promise<NextStep[]> {
  const rows = await db.$queryRaw<{ checkId: string; accountIds: string[] }[]>`
    SELECT "checkId", array_agg("accountId" ORDER BY "accountId") AS "accountIds"
      FROM "MaturityResult"
     WHERE "workspaceId" = ${workspaceId} AND blocking AND "accountId" = ANY(${[...accountIds]})
     GROUP BY "checkId"`;
  return rankSteps(new Map(rows.map((r) => [r.checkId, r.accountIds])));
}
