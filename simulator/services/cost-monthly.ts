import type { DemoData } from "../data/demo-data";
import type { OrgAccount } from "../data/organization";
import { aggregate, type Sums } from "./cost-aggregate";
import type { LineKey, LinePredicate } from "./cost-dimensions";
import type { Period } from "./cost-periods";

// A MONTHLY figure is the sum of the DAILY figures Cost Explorer gives for the same days, to the
// last of their ten decimals, as on AWS's bill: a client that stores months instead of days
// reads the same totals. The days' amounts are formatted as the DAILY response would send them
// and added as integers of 10⁻¹⁰, so float rounding never makes the two disagree.

const SCALE = 10;
const FIELDS = ["unblended", "amortized", "usage", "normalizedUsage"] as const;

export type ScaledSums = Record<(typeof FIELDS)[number], bigint>;

/** The ten-decimal text the DAILY response carries for a value, as an integer of 10⁻¹⁰. */
export function scaled(value: number): bigint {
  return BigInt(value.toFixed(SCALE).replace(".", ""));
}

export function formatScaled(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE + 1, "0");
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

/** Sums a period's days one by one, each as its DAILY response would state it. */
export function aggregateByDays(
  data: DemoData,
  accounts: readonly OrgAccount[],
  period: Period,
  predicate: LinePredicate,
  keyOf: LineKey,
): Map<string, ScaledSums> {
  const groups = new Map<string, ScaledSums>();
  for (let start = period.start.getTime(); start < period.end.getTime(); start += 86_400_000) {
    const day: Period = { start: new Date(start), end: new Date(Math.min(start + 86_400_000, period.end.getTime())) };
    for (const [key, sums] of aggregate(data, accounts, day, predicate, keyOf)) {
      let total = groups.get(key);
      if (!total) {
        total = { unblended: 0n, amortized: 0n, usage: 0n, normalizedUsage: 0n };
        groups.set(key, total);
      }
      for (const field of FIELDS) total[field] += scaled((sums as Sums)[field]);
    }
  }
  return groups;
}
