import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { FALLBACK_AS_OF, fallbackPrice } from "./fallback";

export const PRICE_REGION = "us-east-1";

export interface ListPrice {
  usdPerHour: Prisma.Decimal;
  basis: "price-list" | "fallback-table";
  /** When the Price List API returned it, or the fallback table's date. */
  asOf: string;
}

/** On-demand list prices by instance type, as the FinOps formulas read them. */
export interface PriceBook {
  get(instanceType: string): ListPrice | undefined;
}

/** A price book over fixed prices (tests, benchmarks): every price counts as fetched. */
export function fixedPriceBook(prices: Record<string, string | number>, asOf = "2026-12-01"): PriceBook {
  return {
    get(instanceType) {
      const price = prices[instanceType];
      if (price !== undefined) return { usdPerHour: new Prisma.Decimal(price), basis: "price-list", asOf };
      const fallback = fallbackPrice(instanceType);
      return fallback === undefined
        ? undefined
        : { usdPerHour: new Prisma.Decimal(fallback), basis: "fallback-table", asOf: FALLBACK_AS_OF };
    },
  };
}

/** Prices fetched from the Price List Query API (InstancePrice), the fallback table behind them. */
export async function loadPriceBook(instanceTypes: Iterable<string>): Promise<PriceBook> {
  const wanted = [...new Set(instanceTypes)];
  const rows = wanted.length
    ? await db.instancePrice.findMany({ where: { region: PRICE_REGION, instanceType: { in: wanted } } })
    : [];
  const fetched = new Map(rows.map((r) => [r.instanceType, r]));
  return {
    get(instanceType) {
      const row = fetched.get(instanceType);
      if (row) return { usdPerHour: row.usdPerHour, basis: "price-list", asOf: row.fetchedAt.toISOString() };
      const fallback = fallbackPrice(instanceType);
      return fallback === undefined
        ? undefined
        : { usdPerHour: new Prisma.Decimal(fallback), basis: "fallback-table", asOf: FALLBACK_AS_OF };
    },
  };
}
