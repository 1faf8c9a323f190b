import { Prisma } from "~/generated/prisma/client";
import { fetchLinuxOnDemandPrices } from "~/server/aws/sources/pricing";
import type { FetchContext } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import { gravitonEquivalent, parseInstanceType, x86Equivalent } from "../instance-types";
import { PRICE_REGION } from "./price-book";

// List prices are public and the same for every workspace: one InstancePrice row per type,
// refreshed at most once a day. A type the price list does not know is not stored, and the
// fallback table serves it (price-book.ts).
export const PRICE_MAX_AGE_MS = 24 * 3_600_000;

/** Instance types the workspace's cost data names, with the Graviton and x86 equivalents the formulas price. */
export async function instanceTypesToPrice(workspaceId: string): Promise<string[]> {
  // The organisation-wide instance × purchase type series ("*" account) names every type once per day,
  // a small part of Ec2CostDaily; the per-account series name the same types.
  const rows = await db.$queryRaw<{ instanceType: string }[]>`
    SELECT DISTINCT e."instanceType" FROM "Ec2CostDaily" e
      JOIN "AwsAccount" a ON a.id = e."awsAccountRef"
     WHERE a."workspaceId" = ${workspaceId} AND e."accountId" = '*'
    UNION
    SELECT DISTINCT "instanceType" FROM "FocusCostRow"
     WHERE "workspaceId" = ${workspaceId} AND "instanceType" IS NOT NULL`;
  const types = new Set<string>();
  for (const { instanceType } of rows) {
    // "*", "NoInstanceType", RDS's db.* and anything else that is not an EC2 instance type.
    if (!parseInstanceType(instanceType) || instanceType.startsWith("db.")) continue;
    types.add(instanceType);
    const graviton = gravitonEquivalent(instanceType).equivalent;
    const x86 = x86Equivalent(instanceType);
    if (graviton) types.add(graviton);
    if (x86) types.add(x86);
  }
  return [...types].sort();
}

export interface PriceRefresh {
  /** Types asked of the price list (the others were fetched less than a day ago). */
  asked: number;
  stored: number;
}

/** Fetches the list prices of the workspace's instance types that are missing or older than a day. */
export async function refreshInstancePrices(opts: {
  workspaceId: string;
  fetch: FetchContext;
  now: Date;
}): Promise<PriceRefresh> {
  const wanted = await instanceTypesToPrice(opts.workspaceId);
  if (!wanted.length) return { asked: 0, stored: 0 };
  const fresh = await db.instancePrice.findMany({
    where: {
      region: PRICE_REGION,
      instanceType: { in: wanted },
      fetchedAt: { gt: new Date(opts.now.getTime() - PRICE_MAX_AGE_MS) },
    },
    select: { instanceType: true },
  });
  const skip = new Set(fresh.map((p) => p.instanceType));
  const stale = wanted.filter((t) => !skip.has(t));
  if (!stale.length) return { asked: 0, stored: 0 };
  const prices = await fetchLinuxOnDemandPrices(opts.fetch, stale, PRICE_REGION);
  const fetchedAt = new Date();
  await db.$transaction(
    prices.map((p) => {
      const data = { usdPerHour: new Prisma.Decimal(p.usdPerHour), sku: p.sku || null, fetchedAt };
      return db.instancePrice.upsert({
        where: { instanceType_region: { instanceType: p.instanceType, region: PRICE_REGION } },
        create: { instanceType: p.instanceType, region: PRICE_REGION, ...data },
        update: data,
      });
    }),
  );
  return { asked: stale.length, stored: prices.length };
}
