import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { accountMonthFigures } from "~/server/finops/account-months";
import type { CommitmentEvidence, ComputeSpendEvidence, Ec2MonthEvidence, MaturityEvidence } from "../evidence";
import { lastFullMonth } from "../rules/finops";
import { DAY_MS, isIncluded, isoDay, primaryOrganization, seenAt, seenJoin, type Limit } from "./sql";

// Cost rows are stored under the payer that read them (CostDaily and friends carry the payer's
// awsAccountRef and the member's account number). An account's figures come from one payer
// only: the organisation's management account for its members, the account itself when it is
// standalone. A member also connected on its own would otherwise be counted twice.
// Figures summed from many rows have no row id: theirs name the payer's AwsAccount id, the
// account and the period ("ec2-month:<payer ref>:<account>:<YYYY-MM>"), enough to find the rows.

const COMMITMENT_DAYS = 30;
// Cost Explorer's SERVICE names for what runs code. EBS, NAT and data transfer ("EC2 - Other"),
// storage, logs and commitment fees ("Savings Plans for AWS Compute usage") run nothing.
const COMPUTE_SERVICES = [
  "Amazon Elastic Compute Cloud - Compute",
  "AWS Lambda",
  "Amazon Elastic Container Service",
  "Amazon Elastic Container Service for Kubernetes",
  "Amazon Elastic Kubernetes Service",
  "AWS Fargate",
  "AWS App Runner",
  "Amazon Lightsail",
];

// The organisation's members with their payer are read once, before they meet the accounts: as
// two nested left joins, Postgres (misjudging a table it had not analysed since it filled) read
// every member and its payer again for each account, 3-4 s of a 200-account evaluation per query.
function payers(workspaceId: string): Prisma.Sql {
  return Prisma.sql`
    WITH paid AS MATERIALIZED (
      SELECT member."accountId", payer.id AS "payerRef"
        FROM "OrgMember" member
        JOIN "AwsAccount" payer ON payer."workspaceId" = ${workspaceId} AND payer.kind = 'organization'
             AND payer."organizationRefId" = member."organizationRefId"
       WHERE member."organizationRefId" = ${primaryOrganization(workspaceId)}
    )
    SELECT a."accountId", COALESCE(paid."payerRef", a.id) AS "payerRef"
      FROM "AwsAccount" a
      LEFT JOIN paid ON paid."accountId" = a."accountId"
     WHERE ${isIncluded("a", workspaceId)}`;
}

/**
 * EC2 compute of the one month the FinOps rules read (the last complete one), per account, from
 * the FinOps service (server/finops): the rules and the FinOps page read one computation. The
 * checks judge the account's EC2 bill, so the unused RI fee Cost Explorer books on the buying
 * account's Reserved rows counts here as it did (the FinOps page shows it as waste instead).
 * Only the accounts the ladder evaluates, each from its one payer; when they were last seen is
 * read from the rows' runs.
 */
async function loadEc2Month(workspaceId: string, now: Date): Promise<Ec2MonthEvidence[]> {
  const month = lastFullMonth(now);
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const [figures, seen] = await Promise.all([
    accountMonthFigures({ workspaceId, month, now }),
    db.$queryRaw<{ payerRef: string; accountId: string; observedAt: Date }[]>`
      WITH p AS (${payers(workspaceId)}),
      observed AS (
        SELECT p."payerRef", r."accountId", min(${seenAt}) AS at FROM "Ec2CostDaily" r
          JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
          ${seenJoin("r", workspaceId, "Ec2CostDaily")}
         WHERE r.day >= ${from}::date AND r.day < ${to}::date
         GROUP BY p."payerRef", r."accountId"
        UNION ALL
        SELECT p."payerRef", r."accountId", min(${seenAt}) FROM "NodePoolCostDaily" r
          JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
          ${seenJoin("r", workspaceId, "NodePoolCostDaily")}
         WHERE r.day >= ${from}::date AND r.day < ${to}::date
         GROUP BY p."payerRef", r."accountId"
      )
      SELECT r."payerRef", r."accountId", min(r.at) AS "observedAt"
        FROM observed r
       GROUP BY r."payerRef", r."accountId"
      UNION ALL
      -- A month read from an imported FOCUS export was seen when it was uploaded.
      SELECT 'focus', f."subAccountId", max(u."createdAt")
        FROM "FocusCostRow" f JOIN "Upload" u ON u.id = f."uploadId"
       WHERE f."workspaceId" = ${workspaceId} AND f."subAccountId" IN (SELECT "accountId" FROM p)
         AND f."chargePeriodStart" >= ${from} AND f."chargePeriodStart" < ${to}
       GROUP BY f."subAccountId"`,
  ]);
  const observed = new Map(seen.map((s) => [`${s.payerRef}:${s.accountId}`, s.observedAt]));
  return figures
    .flatMap((f): Ec2MonthEvidence[] => {
      const payer = f.payerRef ?? "focus";
      const observedAt = observed.get(`${payer}:${f.accountId}`);
      if (!observedAt) return [];
      const nodePoolCost = f.nodePools
        .filter((p) => p.nodePool !== "")
        .reduce((total, p) => total.plus(p.cost), new Prisma.Decimal(0));
      return [
        {
          id: `ec2-month:${payer}:${f.accountId}:${month}`,
          accountId: f.accountId,
          month,
          ec2Cost: f.effectiveCost.plus(f.bookedRiFee).toNumber(),
          gravitonCost: f.byArchitecture.graviton.toNumber(),
          spotCost: f.byPurchase.spot.toNumber(),
          nodePoolCost: nodePoolCost.toNumber(),
          observedAt,
        },
      ];
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Compute spend of the last complete month, per account, from CostDaily. An account the payer's
 * Cost Explorer billed nothing at all has no rows: it gets a zero, seen when the payer's cost
 * source last succeeded, because that fetch is what found nothing. Accounts whose payer never
 * fetched cost successfully get no record.
 */
function loadComputeSpends(workspaceId: string, now: Date): Promise<ComputeSpendEvidence[]> {
  const month = lastFullMonth(now);
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  return db.$queryRaw<ComputeSpendEvidence[]>`
    WITH p AS (${payers(workspaceId)}),
    spend AS (
      SELECT p."payerRef", r."accountId",
             sum(CASE WHEN r.service = ANY(${COMPUTE_SERVICES}::text[]) THEN r.amortized ELSE 0 END) AS compute,
             min(${seenAt}) AS "observedAt"
        FROM "CostDaily" r JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
         AND r.day >= ${from}::date AND r.day < ${to}::date
        ${seenJoin("r", workspaceId, "CostDaily")}
       GROUP BY p."payerRef", r."accountId"
    ),
    fetched AS (
      SELECT t."awsAccountRef" AS "payerRef", max(t."finishedAt") AS "finishedAt"
        FROM "SyncTask" t
       WHERE t."workspaceId" = ${workspaceId} AND t.source = 'cost' AND t.status = 'succeeded'
         AND t."finishedAt" IS NOT NULL AND t."awsAccountRef" IN (SELECT "payerRef" FROM p)
       GROUP BY t."awsAccountRef"
    )
    SELECT 'compute-month:' || p."payerRef" || ':' || p."accountId" || ':' || ${month} AS id, p."accountId", ${month} AS month,
           COALESCE(s.compute, 0)::float8 AS "computeCost", COALESCE(s."observedAt", f."finishedAt") AS "observedAt"
      FROM p
      LEFT JOIN spend s ON s."payerRef" = p."payerRef" AND s."accountId" = p."accountId"
      LEFT JOIN fetched f ON f."payerRef" = p."payerRef"
     WHERE s."accountId" IS NOT NULL OR f."finishedAt" IS NOT NULL
     ORDER BY id`;
}

/**
 * Reserved Instance and Savings Plans utilisation over the last 30 days, weighted by what was
 * committed each day. Cost Explorer gives these only as organisation totals (accountId "*"), and
 * commitments float across the organisation's accounts, so every account the payer pays for
 * carries its payer's figures: idle RIs concern each account that adopted Karpenter beside them.
 */
function loadCommitments(workspaceId: string, now: Date): Promise<CommitmentEvidence[]> {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - COMMITMENT_DAYS * DAY_MS);
  const range = `${isoDay(from)}:${isoDay(to)}`;
  return db.$queryRaw<CommitmentEvidence[]>`
    WITH p AS (${payers(workspaceId)}),
    used AS (
      SELECT r."awsAccountRef", CASE WHEN r.kind = 'ri_utilization' THEN 'ri' ELSE 'sp' END AS kind,
             CASE WHEN r.kind = 'ri_utilization' THEN 100 * (1 - sum(r."unusedHours") / NULLIF(sum(r.hours), 0))
                  ELSE 100 * sum(r.used) / NULLIF(sum(r.commitment), 0) END AS "utilisationPct",
             COALESCE(sum(r.unused), 0) AS "unusedCost", min(${seenAt}) AS "observedAt"
        FROM "CommitmentDaily" r ${seenJoin("r", workspaceId, "CommitmentDaily")}
       WHERE r."awsAccountRef" IN (SELECT "payerRef" FROM p) AND r."accountId" = '*'
         AND r.kind IN ('ri_utilization', 'sp_utilization') AND r.day >= ${from}::date AND r.day < ${to}::date
       GROUP BY r."awsAccountRef", r.kind
      HAVING COALESCE(sum(CASE WHEN r.kind = 'ri_utilization' THEN r.hours ELSE r.commitment END), 0) > 0
    )
    SELECT 'commitments:' || p."payerRef" || ':' || u.kind || ':' || ${range} AS id, p."accountId", u.kind,
           u."utilisationPct"::float8 AS "utilisationPct", u."unusedCost"::float8 AS "unusedCost", u."observedAt"
      FROM p JOIN used u ON u."awsAccountRef" = p."payerRef"
     ORDER BY p."accountId", u.kind`;
}

export async function loadCost(
  workspaceId: string,
  now: Date,
  limit: Limit,
): Promise<Pick<MaturityEvidence, "ec2Months" | "computeSpends" | "commitments">> {
  const [ec2Months, computeSpends, commitments] = await Promise.all([
    limit(() => loadEc2Month(workspaceId, now)),
    limit(() => loadComputeSpends(workspaceId, now)),
    limit(() => loadCommitments(workspaceId, now)),
  ]);
  return { ec2Months, computeSpends, commitments };
}
