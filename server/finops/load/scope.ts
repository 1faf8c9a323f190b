import { Prisma } from "~/generated/prisma/client";
import { isIncluded, primaryOrganization } from "~/server/maturity/load/sql";

// Which payer's rows an account's Cost Explorer figures come from: each account from one payer
// only, as the maturity loaders read it (server/maturity/load/cost.ts) — the organisation's
// management account for its members, the account itself when it is standalone — so a member
// also connected on its own is never counted twice. Accounts the organisation bills but Ladder
// has not connected count too: the unfiltered figures are the organisation's own.

/** Payers of the workspace: connected accounts and organisations (SQL: id, kind, accountId). */
export function payerAccounts(workspaceId: string): Prisma.Sql {
  return Prisma.sql`SELECT a.id, a.kind::text AS kind, a."accountId" FROM "AwsAccount" a WHERE ${isIncluded("a", workspaceId)}`;
}

/**
 * (accountId, payerRef) for every account with EC2 rows in [from, to): the organisation payer
 * first, then the account's own connection.
 */
export function chosenPayers(workspaceId: string, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (r."accountId") r."accountId", r."awsAccountRef" AS "payerRef"
      FROM (SELECT DISTINCT "awsAccountRef", "accountId" FROM "Ec2CostDaily"
             WHERE "awsAccountRef" IN (SELECT id FROM (${payerAccounts(workspaceId)}) pa)
               AND "accountId" <> '*' AND day >= ${from}::date AND day < ${to}::date) r
      JOIN (${payerAccounts(workspaceId)}) pa ON pa.id = r."awsAccountRef"
      LEFT JOIN "OrgMember" m ON m."organizationRefId" = ${primaryOrganization(workspaceId)} AND m."accountId" = r."accountId"
     ORDER BY r."accountId", (pa.kind = 'organization' AND m.id IS NOT NULL) DESC, (pa.kind = 'organization') DESC, r."awsAccountRef"`;
}
