import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { ZERO, type Decimal } from "../formulas/decimal";
import { emptyPurchase, focusPurchaseOption } from "./purchase";
import type { AccountMonth, TypePurchase } from "./types";

// FOCUS rows (provider AWS) summed in SQL per (sub-account, month of the charge period, instance
// type, pricing category, commitment type, node pool). Invoice-grade: where a workspace has them
// for an account and month they replace Cost Explorer's (overview.ts decides).

/** AWS as FOCUS exports name it (ProviderName). */
export const AWS_PROVIDER = Prisma.sql`lower(r.provider) IN ('aws', 'amazon web services', 'amazon web services, inc.')`;
/** EC2 instance usage: a usage row with an instance type of the EC2 service. */
export const EC2_USAGE = Prisma.sql`r."chargeCategory" = 'Usage' AND r."instanceType" IS NOT NULL
  AND (r."serviceName" ILIKE '%Elastic Compute Cloud%' OR r."serviceName" ILIKE '%EC2%')
  AND COALESCE(r."commitmentDiscountStatus", '') <> 'Unused'`;
/** Windows usage cannot be told from x_UsageType alone; its usage type or operation names it when it can. */
const WINDOWS = Prisma.sql`(COALESCE(r."usageType", '') ILIKE '%windows%' OR COALESCE(r."usageType", '') ILIKE '%RunInstances:0002%')`;
// Families with a "g" after the generation digit (m7g, c7gn, t4g), and a1 (instance-types.ts).
const GRAVITON_TYPE = "^([a-z-]*[0-9]+g[a-z]*|a1)\\.";
const month = Prisma.sql`to_char(r."chargePeriodStart" AT TIME ZONE 'UTC', 'YYYY-MM')`;

interface Range {
  workspaceId: string;
  from: Date;
  to: Date;
  now: Date;
}

export async function loadFocus({ workspaceId, from, to, now }: Range): Promise<AccountMonth[]> {
  const inRange = Prisma.sql`r."workspaceId" = ${workspaceId} AND ${AWS_PROVIDER} AND r."subAccountId" IS NOT NULL
    AND r."chargePeriodStart" >= ${from} AND r."chargePeriodStart" < ${to}`;
  const [covered, lines, waste, pools] = await Promise.all([
    db.$queryRaw<{ accountId: string; month: string; estimated: boolean }[]>`
      SELECT r."subAccountId" AS "accountId", ${month} AS month, bool_or(r."billingPeriodEnd" > ${now}) AS estimated
        FROM "FocusCostRow" r WHERE ${inRange} GROUP BY 1, 2`,
    db.$queryRaw<
      {
        accountId: string;
        month: string;
        instanceType: string;
        pricingCategory: string | null;
        commitmentType: string | null;
        cost: Decimal;
        list: Decimal | null;
        hours: Decimal | null;
        windows: Decimal;
      }[]
    >`
      SELECT r."subAccountId" AS "accountId", ${month} AS month, r."instanceType", r."pricingCategory",
             r."commitmentDiscountType" AS "commitmentType", sum(r."effectiveCost") AS cost, sum(r."listCost") AS list,
             sum(r."consumedQuantity") AS hours, COALESCE(sum(CASE WHEN ${WINDOWS} THEN r."effectiveCost" END), 0) AS windows
        FROM "FocusCostRow" r WHERE ${inRange} AND ${EC2_USAGE} GROUP BY 1, 2, 3, 4, 5`,
    db.$queryRaw<{ accountId: string; month: string; commitmentType: string | null; cost: Decimal }[]>`
      SELECT r."subAccountId" AS "accountId", ${month} AS month, r."commitmentDiscountType" AS "commitmentType",
             sum(r."effectiveCost") AS cost
        FROM "FocusCostRow" r WHERE ${inRange} AND r."commitmentDiscountStatus" = 'Unused' GROUP BY 1, 2, 3`,
    db.$queryRaw<{ accountId: string; month: string; nodePool: string; spot: Decimal; graviton: Decimal; cost: Decimal }[]>`
      SELECT r."subAccountId" AS "accountId", ${month} AS month, COALESCE(r."nodePool", '') AS "nodePool",
             sum(r."effectiveCost") AS cost,
             COALESCE(sum(CASE WHEN r."pricingCategory" = 'Dynamic' THEN r."effectiveCost" END), 0) AS spot,
             COALESCE(sum(CASE WHEN r."instanceType" ~ ${GRAVITON_TYPE} THEN r."effectiveCost" END), 0) AS graviton
        FROM "FocusCostRow" r WHERE ${inRange} AND ${EC2_USAGE} GROUP BY 1, 2, 3`,
  ]);
  const months = new Map<string, AccountMonth & { exact: NonNullable<AccountMonth["exact"]> }>();
  const key = (accountId: string, m: string) => `${accountId}\u0000${m}`;
  for (const c of covered) {
    months.set(key(c.accountId, c.month), {
      source: "focus",
      accountId: c.accountId,
      month: c.month,
      payerRef: null,
      estimated: c.estimated,
      types: [],
      purchase: emptyPurchase(),
      nodePools: [],
      exact: { lines: [], wasteRi: ZERO, wasteSp: ZERO },
    });
  }
  for (const r of lines) {
    const am = months.get(key(r.accountId, r.month));
    if (!am) continue;
    const purchase = focusPurchaseOption(r.pricingCategory, r.commitmentType);
    const line: TypePurchase = {
      instanceType: r.instanceType,
      purchase,
      cost: r.cost,
      hours: r.hours ?? ZERO,
      listCost: r.list,
      windowsCost: r.windows,
    };
    am.exact.lines.push(line);
    am.purchase[purchase] = am.purchase[purchase].plus(r.cost);
    const type = am.types.find((t) => t.instanceType === r.instanceType);
    if (type) {
      type.cost = type.cost.plus(line.cost);
      type.hours = type.hours.plus(line.hours);
    } else am.types.push({ instanceType: r.instanceType, cost: line.cost, hours: line.hours });
  }
  for (const r of waste) {
    const am = months.get(key(r.accountId, r.month));
    if (!am) continue;
    if (/reserv/i.test(r.commitmentType ?? "")) am.exact.wasteRi = am.exact.wasteRi.plus(r.cost);
    else am.exact.wasteSp = am.exact.wasteSp.plus(r.cost);
  }
  for (const r of pools) {
    months
      .get(key(r.accountId, r.month))
      ?.nodePools.push({ nodePool: r.nodePool, cost: r.cost, spot: r.spot, graviton: r.graviton });
  }
  return [...months.values()];
}

/** Other providers' FOCUS totals in [from, to): kept apart, never mixed into AWS figures. */
export function otherProviderTotals(workspaceId: string, from: Date, to: Date) {
  return db.$queryRaw<{ provider: string; effectiveCost: Decimal; billedCost: Decimal }[]>`
    SELECT r.provider, sum(r."effectiveCost") AS "effectiveCost", sum(r."billedCost") AS "billedCost"
      FROM "FocusCostRow" r
     WHERE r."workspaceId" = ${workspaceId} AND NOT ${AWS_PROVIDER}
       AND r."chargePeriodStart" >= ${from} AND r."chargePeriodStart" < ${to}
     GROUP BY r.provider ORDER BY r.provider`;
}
