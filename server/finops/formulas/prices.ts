import type { PriceBook } from "../prices/price-book";
import type { PriceBasis } from "../types";
import type { Decimal } from "./decimal";

/** What a figure rested on: the bases it used and the oldest list price date. */
export class Basis {
  readonly kinds = new Set<PriceBasis>();
  oldestPrice?: string;

  add(kind: PriceBasis, asOf?: string): void {
    this.kinds.add(kind);
    if (asOf && (!this.oldestPrice || asOf < this.oldestPrice)) this.oldestPrice = asOf;
  }

  merge(other: Basis): void {
    for (const kind of other.kinds) this.kinds.add(kind);
    if (other.oldestPrice && (!this.oldestPrice || other.oldestPrice < this.oldestPrice)) this.oldestPrice = other.oldestPrice;
  }

  list(): PriceBasis[] {
    const order: PriceBasis[] = ["focus", "cost-explorer", "observed", "price-list", "fallback-table", "fallback-percentage"];
    return order.filter((k) => this.kinds.has(k));
  }
}

/** OD(to) ÷ OD(from) from the price book, noting which prices it read; undefined when one is missing. */
export function listPriceRatio(prices: PriceBook, from: string, to: string, basis: Basis): Decimal | undefined {
  const a = prices.get(from);
  const b = prices.get(to);
  if (!a || !b || a.usdPerHour.isZero()) return undefined;
  basis.add(a.basis, a.asOf);
  basis.add(b.basis, b.asOf);
  return b.usdPerHour.div(a.usdPerHour);
}
