import { costLines } from "../data/cost-lines";
import type { DemoData } from "../data/demo-data";
import type { OrgAccount } from "../data/organization";
import type { LineKey, LinePredicate } from "./cost-dimensions";
import type { Period } from "./cost-periods";

export interface Sums {
  unblended: number;
  amortized: number;
  usage: number;
  normalizedUsage: number;
}

/** Day indexes of a period that fall inside the 13 months of data. */
export function daysIn(data: DemoData, period: Period): number[] {
  const timeline = data.costs.timeline;
  const first = Math.max(0, timeline.dayOf(period.start));
  const last = Math.min(timeline.dayCount, timeline.dayOf(period.end));
  const days: number[] = [];
  for (let day = first; day < last; day++) days.push(day);
  return days;
}

/** Recomputes the bill lines of a period on demand and sums them by group key. */
export function aggregate(
  data: DemoData,
  accounts: readonly OrgAccount[],
  period: Period,
  predicate: LinePredicate,
  keyOf: LineKey,
): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  const model = data.costs;
  for (const day of daysIn(data, period)) {
    for (const account of accounts) {
      for (const line of costLines(model, account.index, day, data.seed)) {
        if (!predicate(line, account)) continue;
        const key = keyOf(line, account);
        let sums = groups.get(key);
        if (!sums) {
          sums = { unblended: 0, amortized: 0, usage: 0, normalizedUsage: 0 };
          groups.set(key, sums);
        }
        sums.unblended += line.unblended;
        sums.amortized += line.amortized;
        sums.usage += line.usage;
        sums.normalizedUsage += line.normalizedUsage;
      }
    }
  }
  return groups;
}

/** Small LRU so paging through one big query computes each period once. */
export function cachedAggregate<S>(data: DemoData, cacheKey: string, compute: () => Map<string, S>): Map<string, S> {
  const cache = data.memo("ce-aggregate-cache", () => new Map<string, Map<string, S>>());
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const value = compute();
  cache.set(cacheKey, value);
  if (cache.size > 64) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return value;
}
