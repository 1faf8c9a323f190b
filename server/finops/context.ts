import { parseInstanceType } from "./instance-types";
import type { PriceBook } from "./prices/price-book";
import { ratio, sum, ZERO, type Decimal } from "./formulas/decimal";
import { observedSpotDiscount, SPOT_FALLBACK_DISCOUNT, type SpotDiscount } from "./formulas/potential";
import { Basis } from "./formulas/prices";
import type { AccountMonth, PayerMonth, TypePurchase } from "./load/types";
import type { PurchaseOption } from "./types";

// What an account-month's figures need from the organisation: Cost Explorer reports Spot hours
// by instance type, commitment savings and waste only organisation-wide (per payer), so accounts
// get their part by observed ratios (labelled "allocated"). FOCUS months use their own rows.

export interface SpotFamily {
  cost: Decimal;
  ode: Decimal;
}

export interface OrgContext {
  /** Spot: cost and on-demand equivalent (hours × list price) of the Spot types with a price. */
  spotCost: Decimal;
  spotOde: Decimal;
  spotBasis: Basis;
  spotFamilies: Map<string, SpotFamily>;
  /** Share of each instance type's usage cost bought as each purchase option (unused RI fee excluded). */
  typeShares: Map<string, Record<PurchaseOption, Decimal>>;
  /** Reserved cost per instance type including the unused fee: where CE books that fee. */
  reservedRaw: Map<string, Decimal>;
  riUnused: Decimal;
  spUnused: Decimal;
  commitmentNet: Decimal;
  coveredCost: Decimal;
  hasCommitmentData: boolean;
  /** The account whose Reserved rows carry the RI unused fee. */
  feeAccount: string | null;
  nodePoolSpotShare: Map<string, Decimal | null>;
}

function spotFamilies(lines: TypePurchase[], prices: PriceBook, basis: Basis) {
  const families = new Map<string, SpotFamily>();
  let cost = ZERO;
  let ode = ZERO;
  for (const line of lines) {
    if (line.purchase !== "spot") continue;
    let lineOde: Decimal | undefined;
    if (line.listCost !== null) lineOde = line.listCost;
    else {
      const price = prices.get(line.instanceType);
      if (price) {
        basis.add(price.basis, price.asOf);
        lineOde = line.hours.times(price.usdPerHour);
      }
    }
    if (lineOde === undefined) continue;
    cost = cost.plus(line.cost);
    ode = ode.plus(lineOde);
    const family = parseInstanceType(line.instanceType)?.family ?? line.instanceType;
    const f = families.get(family) ?? { cost: ZERO, ode: ZERO };
    families.set(family, { cost: f.cost.plus(line.cost), ode: f.ode.plus(lineOde) });
  }
  return { families, cost, ode };
}

/** The account that bought the RIs: the payer's own account when it has Reserved rows, else the one with the most. */
function feeAccountOf(payer: PayerMonth, accounts: AccountMonth[]): string | null {
  const withReserved = accounts.filter((a) => a.purchase.reserved.greaterThan(0));
  if (payer.payerAccountId && withReserved.some((a) => a.accountId === payer.payerAccountId)) return payer.payerAccountId;
  withReserved.sort((a, b) => b.purchase.reserved.comparedTo(a.purchase.reserved));
  return withReserved[0]?.accountId ?? null;
}

export function orgContext(
  lines: TypePurchase[],
  prices: PriceBook,
  payer: PayerMonth | null,
  accounts: AccountMonth[],
): OrgContext {
  const spotBasis = new Basis();
  const spot = spotFamilies(lines, prices, spotBasis);
  const riUnused = payer?.ri?.unused ?? ZERO;
  const reservedRaw = new Map<string, Decimal>();
  for (const l of lines)
    if (l.purchase === "reserved") reservedRaw.set(l.instanceType, (reservedRaw.get(l.instanceType) ?? ZERO).plus(l.cost));
  const reservedTotal = sum(reservedRaw.values());
  const byType = new Map<string, Record<PurchaseOption, Decimal>>();
  for (const l of lines) {
    const entry = byType.get(l.instanceType) ?? { on_demand: ZERO, spot: ZERO, reserved: ZERO, savings_plans: ZERO };
    let cost = l.cost;
    // Without a per-type figure for the unused fee, it is taken off each type's Reserved rows in proportion.
    if (payer && l.purchase === "reserved") cost = cost.minus(riUnused.times(ratio(l.cost, reservedTotal) ?? ZERO));
    entry[l.purchase] = entry[l.purchase].plus(cost.isNegative() ? ZERO : cost);
    byType.set(l.instanceType, entry);
  }
  const typeShares = new Map<string, Record<PurchaseOption, Decimal>>();
  let coveredCost = ZERO;
  for (const [type, entry] of byType) {
    const total = entry.on_demand.plus(entry.spot).plus(entry.reserved).plus(entry.savings_plans);
    coveredCost = coveredCost.plus(entry.reserved).plus(entry.savings_plans);
    const share = (v: Decimal) => ratio(v, total) ?? ZERO;
    typeShares.set(type, {
      on_demand: share(entry.on_demand),
      spot: share(entry.spot),
      reserved: share(entry.reserved),
      savings_plans: share(entry.savings_plans),
    });
  }
  const pools = new Map<string, { spot: Decimal; total: Decimal }>();
  for (const p of payer?.nodePoolPurchase ?? []) {
    const entry = pools.get(p.nodePool) ?? { spot: ZERO, total: ZERO };
    pools.set(p.nodePool, {
      spot: p.purchase === "spot" ? entry.spot.plus(p.cost) : entry.spot,
      total: entry.total.plus(p.cost),
    });
  }
  return {
    spotCost: spot.cost,
    spotOde: spot.ode,
    spotBasis,
    spotFamilies: spot.families,
    typeShares,
    reservedRaw,
    riUnused,
    spUnused: payer?.sp?.unused ?? ZERO,
    commitmentNet: (payer?.ri?.netSavings ?? ZERO).plus(payer?.sp?.netSavings ?? ZERO),
    coveredCost,
    hasCommitmentData: Boolean(payer?.ri || payer?.sp),
    feeAccount: payer?.ri && riUnused.greaterThan(0) ? feeAccountOf(payer, accounts) : null,
    nodePoolSpotShare: new Map([...pools].map(([pool, v]) => [pool, ratio(v.spot, v.total)])),
  };
}

/** The organisation's observed Spot discount of the first family it has seen on Spot, else the labelled 55% fallback. */
export function spotDiscountFor(ctx: OrgContext, families: string[]): SpotDiscount {
  for (const family of families) {
    const own = ctx.spotFamilies.get(family);
    const rate = own ? observedSpotDiscount(own.cost, own.ode) : null;
    if (rate !== null && rate.greaterThan(0)) return { rate, basis: "observed" };
  }
  return { rate: SPOT_FALLBACK_DISCOUNT, basis: "fallback-percentage" };
}
