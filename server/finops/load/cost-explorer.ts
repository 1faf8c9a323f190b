import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { ZERO, type Decimal } from "../formulas/decimal";
import { emptyPurchase, purchaseOptionOf } from "./purchase";
import { chosenPayers, payerAccounts } from "./scope";
import type { AccountMonth, CommitmentTotals, CostData, PayerMonth } from "./types";

// Cost Explorer rows summed in SQL per (payer, account, month, instance type | purchase type |
// node pool). "*" marks the column a CE query did not group by (server/ingest/runners/cost.ts):
// each figure comes from exactly one grouping.

const month = Prisma.sql`to_char(r.day, 'YYYY-MM')`;

interface Range {
  workspaceId: string;
  from: Date;
  to: Date;
}

function accountTypes({ workspaceId, from, to }: Range) {
  return db.$queryRaw<
    {
      payerRef: string;
      accountId: string;
      month: string;
      instanceType: string;
      cost: Decimal;
      hours: Decimal;
      estimated: boolean;
    }[]
  >`
    WITH p AS (${chosenPayers(workspaceId, from, to)})
    SELECT p."payerRef", r."accountId", ${month} AS month, r."instanceType",
           sum(r.amortized) AS cost, sum(r."usageHours") AS hours, bool_or(r.estimated) AS estimated
      FROM "Ec2CostDaily" r JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
     WHERE r."purchaseType" = '*' AND r."instanceType" <> '*' AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

function accountPurchases({ workspaceId, from, to }: Range) {
  return db.$queryRaw<{ payerRef: string; accountId: string; month: string; purchaseType: string; cost: Decimal }[]>`
    WITH p AS (${chosenPayers(workspaceId, from, to)})
    SELECT p."payerRef", r."accountId", ${month} AS month, r."purchaseType", sum(r.amortized) AS cost
      FROM "Ec2CostDaily" r JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
     WHERE r."instanceType" = '*' AND r."purchaseType" <> '*' AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

function accountNodePools({ workspaceId, from, to }: Range) {
  return db.$queryRaw<{ payerRef: string; accountId: string; month: string; nodePool: string; cost: Decimal }[]>`
    WITH p AS (${chosenPayers(workspaceId, from, to)})
    SELECT p."payerRef", r."accountId", ${month} AS month, r."nodePool", sum(r.amortized) AS cost
      FROM "NodePoolCostDaily" r JOIN p ON r."awsAccountRef" = p."payerRef" AND r."accountId" = p."accountId"
     WHERE r."purchaseType" = '*' AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

function orgTypePurchases({ workspaceId, from, to }: Range) {
  return db.$queryRaw<
    { payerRef: string; month: string; instanceType: string; purchaseType: string; cost: Decimal; hours: Decimal }[]
  >`
    SELECT r."awsAccountRef" AS "payerRef", ${month} AS month, r."instanceType", r."purchaseType",
           sum(r.amortized) AS cost, sum(r."usageHours") AS hours
      FROM "Ec2CostDaily" r
     WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(workspaceId)}) pa)
       AND r."accountId" = '*' AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

function orgNodePools({ workspaceId, from, to }: Range) {
  return db.$queryRaw<{ payerRef: string; month: string; nodePool: string; purchaseType: string; cost: Decimal }[]>`
    SELECT r."awsAccountRef" AS "payerRef", ${month} AS month, r."nodePool", r."purchaseType", sum(r.amortized) AS cost
      FROM "NodePoolCostDaily" r
     WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(workspaceId)}) pa)
       AND r."accountId" = '*' AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

function orgCommitments({ workspaceId, from, to }: Range) {
  return db.$queryRaw<
    {
      payerRef: string;
      payerAccountId: string | null;
      month: string;
      kind: string;
      unused: Decimal | null;
      netSavings: Decimal | null;
      hours: Decimal | null;
      unusedHours: Decimal | null;
      commitment: Decimal | null;
      used: Decimal | null;
    }[]
  >`
    SELECT r."awsAccountRef" AS "payerRef", pa."accountId" AS "payerAccountId", ${month} AS month, r.kind,
           sum(r.unused) AS unused, sum(r."netSavings") AS "netSavings", sum(r.hours) AS hours,
           sum(r."unusedHours") AS "unusedHours", sum(r.commitment) AS commitment, sum(r.used) AS used
      FROM "CommitmentDaily" r JOIN (${payerAccounts(workspaceId)}) pa ON pa.id = r."awsAccountRef"
     WHERE r."accountId" = '*' AND r.kind IN ('ri_utilization', 'sp_utilization')
       AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4`;
}

const key = (...parts: string[]) => parts.join("\u0000");

export async function loadCostExplorer(range: Range): Promise<CostData> {
  const [types, purchases, pools, typePurchases, poolPurchases, commitments] = await Promise.all([
    accountTypes(range),
    accountPurchases(range),
    accountNodePools(range),
    orgTypePurchases(range),
    orgNodePools(range),
    orgCommitments(range),
  ]);
  const accounts = new Map<string, AccountMonth>();
  const accountMonth = (payerRef: string, accountId: string, m: string): AccountMonth => {
    const k = key(payerRef, accountId, m);
    let found = accounts.get(k);
    if (!found) {
      found = {
        source: "cost-explorer",
        accountId,
        month: m,
        payerRef,
        estimated: false,
        types: [],
        purchase: emptyPurchase(),
        nodePools: [],
      };
      accounts.set(k, found);
    }
    return found;
  };
  for (const r of types) {
    const am = accountMonth(r.payerRef, r.accountId, r.month);
    am.types.push({ instanceType: r.instanceType, cost: r.cost, hours: r.hours });
    am.estimated ||= r.estimated;
  }
  for (const r of purchases) {
    const am = accountMonth(r.payerRef, r.accountId, r.month);
    const option = purchaseOptionOf(r.purchaseType);
    am.purchase[option] = am.purchase[option].plus(r.cost);
  }
  for (const r of pools) {
    accountMonth(r.payerRef, r.accountId, r.month).nodePools.push({
      nodePool: r.nodePool,
      cost: r.cost,
      spot: null,
      graviton: null,
    });
  }

  const payers = new Map<string, PayerMonth>();
  const payerMonth = (payerRef: string, m: string): PayerMonth => {
    const k = key(payerRef, m);
    let found = payers.get(k);
    if (!found) {
      found = { payerRef, payerAccountId: null, month: m, typePurchase: [], nodePoolPurchase: [], ri: null, sp: null };
      payers.set(k, found);
    }
    return found;
  };
  for (const r of typePurchases) {
    payerMonth(r.payerRef, r.month).typePurchase.push({
      instanceType: r.instanceType,
      purchase: purchaseOptionOf(r.purchaseType),
      cost: r.cost,
      hours: r.hours,
      listCost: null,
      windowsCost: ZERO,
    });
  }
  for (const r of poolPurchases) {
    payerMonth(r.payerRef, r.month).nodePoolPurchase.push({
      nodePool: r.nodePool,
      purchase: purchaseOptionOf(r.purchaseType),
      cost: r.cost,
    });
  }
  for (const r of commitments) {
    const pm = payerMonth(r.payerRef, r.month);
    pm.payerAccountId = r.payerAccountId;
    const totals: CommitmentTotals = {
      unused: r.unused ?? ZERO,
      netSavings: r.netSavings ?? ZERO,
      hours: r.hours,
      unusedHours: r.unusedHours,
      commitment: r.commitment,
      used: r.used,
    };
    if (r.kind === "ri_utilization") pm.ri = totals;
    else pm.sp = totals;
  }
  return { accountMonths: [...accounts.values()], payerMonths: [...payers.values()] };
}
