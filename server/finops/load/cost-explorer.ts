import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { ZERO, type Decimal } from "../formulas/decimal";
import { emptyPurchase, purchaseOptionOf } from "./purchase";
import { payerAccounts } from "./scope";
import type { AccountMonth, CommitmentTotals, CostData, PayerMonth } from "./types";

// Cost Explorer rows summed in SQL per (payer, account, month, instance type, purchase type) —
// one scan of each table; "*" marks the column a CE query did not group by
// (server/ingest/runners/cost.ts), so each figure comes from exactly one grouping:
// account × instance type ("*" purchase), account × purchase type ("*" instance type) and the
// organisation's instance type × purchase type ("*" account).

const month = Prisma.sql`to_char(r.day, 'YYYY-MM')`;

interface Range {
  workspaceId: string;
  from: Date;
  to: Date;
}

interface Ec2Group {
  payerRef: string;
  accountId: string;
  month: string;
  instanceType: string;
  purchaseType: string;
  cost: Decimal;
  hours: Decimal;
  estimated: boolean;
}

function ec2Groups({ workspaceId, from, to }: Range) {
  return db.$queryRaw<Ec2Group[]>`
    SELECT r."awsAccountRef" AS "payerRef", r."accountId", ${month} AS month, r."instanceType", r."purchaseType",
           sum(r.amortized) AS cost, sum(r."usageHours") AS hours, bool_or(r.estimated) AS estimated
      FROM "Ec2CostDaily" r
     WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(workspaceId)}) pa)
       AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4, 5`;
}

function nodePoolGroups({ workspaceId, from, to }: Range) {
  return db.$queryRaw<
    { payerRef: string; accountId: string; month: string; nodePool: string; purchaseType: string; cost: Decimal }[]
  >`
    SELECT r."awsAccountRef" AS "payerRef", r."accountId", ${month} AS month, r."nodePool", r."purchaseType", sum(r.amortized) AS cost
      FROM "NodePoolCostDaily" r
     WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(workspaceId)}) pa)
       AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2, 3, 4, 5`;
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

/**
 * Each account's figures come from one payer only (as server/maturity/load/cost.ts reads them):
 * the organisation's when it reports the account, else the account's own connection, so a
 * member also connected on its own is never counted twice.
 */
function choosePayers(groups: { payerRef: string; accountId: string }[], organizations: Set<string>): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const g of groups) {
    if (g.accountId === "*") continue;
    const current = chosen.get(g.accountId);
    const better =
      current === undefined ||
      (organizations.has(g.payerRef) && !organizations.has(current)) ||
      (organizations.has(g.payerRef) === organizations.has(current) && g.payerRef < current);
    if (better) chosen.set(g.accountId, g.payerRef);
  }
  return chosen;
}

export async function loadCostExplorer(range: Range): Promise<CostData> {
  const [ec2, pools, commitments, payerRows] = await Promise.all([
    ec2Groups(range),
    nodePoolGroups(range),
    orgCommitments(range),
    db.$queryRaw<{ id: string; kind: string }[]>`${payerAccounts(range.workspaceId)}`,
  ]);
  const payerOf = choosePayers(ec2, new Set(payerRows.filter((p) => p.kind === "organization").map((p) => p.id)));
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

  for (const r of ec2) {
    if (r.accountId === "*") {
      if (r.instanceType === "*" || r.purchaseType === "*") continue;
      payerMonth(r.payerRef, r.month).typePurchase.push({
        instanceType: r.instanceType,
        purchase: purchaseOptionOf(r.purchaseType),
        cost: r.cost,
        hours: r.hours,
        listCost: null,
        windowsCost: ZERO,
      });
      continue;
    }
    if (payerOf.get(r.accountId) !== r.payerRef) continue;
    if (r.purchaseType === "*" && r.instanceType !== "*") {
      const am = accountMonth(r.payerRef, r.accountId, r.month);
      am.types.push({ instanceType: r.instanceType, cost: r.cost, hours: r.hours });
      am.estimated ||= r.estimated;
    } else if (r.instanceType === "*" && r.purchaseType !== "*") {
      const am = accountMonth(r.payerRef, r.accountId, r.month);
      const option = purchaseOptionOf(r.purchaseType);
      am.purchase[option] = am.purchase[option].plus(r.cost);
    }
  }
  for (const r of pools) {
    if (r.accountId === "*") {
      if (r.purchaseType !== "*") {
        payerMonth(r.payerRef, r.month).nodePoolPurchase.push({
          nodePool: r.nodePool,
          purchase: purchaseOptionOf(r.purchaseType),
          cost: r.cost,
        });
      }
    } else if (r.purchaseType === "*" && payerOf.get(r.accountId) === r.payerRef) {
      accountMonth(r.payerRef, r.accountId, r.month).nodePools.push({
        nodePool: r.nodePool,
        cost: r.cost,
        spot: null,
        graviton: null,
      });
    }
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
