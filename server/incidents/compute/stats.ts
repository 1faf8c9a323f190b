import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import type { DurationStats, IncidentEvent } from "../types";

// Small-sample statistics for the incidents view. Percentiles use linear interpolation between
// order statistics (Hyndman & Fan type 7, R's default `quantile`, PostgreSQL's percentile_cont,
// the definition Four Keys uses): for n sorted values x[0..n-1], h = (n − 1)·q and
// P(q) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). So the median of an even count is the mean of
// the two middle values, and p90 of 10 values lies 0.1 of the way from the 9th to the 10th.

/** 97.5th percentile of the standard normal: two-sided 95%. */
export const Z95 = 1.959963984540054;

/** Percentile q (0..1) of values already sorted ascending; null when there are none. */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

/** Percentile q of unsorted values (copied into a typed array and sorted numerically). */
export function percentile(values: ArrayLike<number>, q: number): number | null {
  return percentileSorted(Float64Array.from(values).sort(), q);
}

export function median(values: ArrayLike<number>): number | null {
  return percentile(values, 0.5);
}

/** Median and p90 of durations in seconds (sorted in place), with the open count beside them. */
export function durationStatsOf(seconds: Float64Array | number[], open: number): DurationStats {
  const sorted = seconds instanceof Float64Array ? seconds.sort() : Float64Array.from(seconds).sort();
  return { n: sorted.length, median: percentileSorted(sorted, 0.5), p90: percentileSorted(sorted, 0.9), open };
}

/**
 * Seconds from start to restore for one incident as seen at `asOf`: null when still open then
 * (right-censored). A resolution stamped before the start (clock skew between sources) is 0.
 */
export function restoreSeconds(incident: Pick<IncidentEvent, "startedAt" | "resolvedAt">, asOf: Date): number | null {
  const resolved = incident.resolvedAt;
  if (resolved === null || resolved.getTime() > asOf.getTime()) return null;
  return Math.max(0, (resolved.getTime() - incident.startedAt.getTime()) / 1000);
}

/** Time to restore of these incidents at `asOf`: median and p90 of the resolved, open ones counted apart. */
export function durationStats(incidents: readonly Pick<IncidentEvent, "startedAt" | "resolvedAt">[], asOf: Date): DurationStats {
  const seconds: number[] = [];
  let open = 0;
  for (const incident of incidents) {
    const s = restoreSeconds(incident, asOf);
    if (s === null) open++;
    else seconds.push(s);
  }
  return durationStatsOf(seconds, open);
}

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for k successes out of n; null when n = 0. */
export function wilsonInterval(k: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const z2 = z * z;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Clopper–Pearson ("exact") interval for k successes out of n, from beta quantiles; null when n = 0. */
export function clopperPearsonInterval(k: number, n: number, confidence = 0.95): Interval | null {
  if (n <= 0) return null;
  const alpha = 1 - confidence;
  const low = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const high = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return { low, high };
}

/** A ratio's interval; `high` null = unbounded above. */
export interface RatioInterval {
  low: number;
  high: number | null;
}

/**
 * Exact conditional interval for the ratio of two Poisson rates, after ÷ before:
 * k1 events over exposure n1 before, k2 over n2 after. Given k = k1 + k2, k2 is binomial with
 * p = n2·θ / (n1 + n2·θ); the Clopper–Pearson limits of p map to θ = p / (1 − p) · n1 / n2
 * (R's rateratio.test, poisson.test with two counts). Null when there are no events or no exposure.
 */
export function poissonRateRatioInterval(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  confidence = 0.95,
): RatioInterval | null {
  const k = k1 + k2;
  if (k === 0 || n1 <= 0 || n2 <= 0) return null;
  const p = clopperPearsonInterval(k2, k, confidence) as Interval;
  const toRatio = (q: number) => (q / (1 - q)) * (n1 / n2);
  return { low: toRatio(p.low), high: p.high >= 1 ? null : toRatio(p.high) };
}

/**
 * Newcombe's hybrid score interval (his method 10, 1998) for p2 − p1, p1 = k1/n1 (before) and
 * p2 = k2/n2 (after), built from the two Wilson intervals. Null when either n is 0.
 */
export function newcombeDifferenceInterval(k1: number, n1: number, k2: number, n2: number, z = Z95): Interval | null {
  const w1 = wilsonInterval(k1, n1, z);
  const w2 = wilsonInterval(k2, n2, z);
  if (w1 === null || w2 === null) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const d = p2 - p1;
  return {
    low: d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2),
    high: d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2),
  };
}

/** Largest l (1-based) with P(B ≤ l − 1) ≤ tail for B ~ Binomial(n, ½); 0 when none. */
function lowerOrderIndex(n: number, tail: number): number {
  let logTerm = -n * Math.LN2; // log C(n, 0) / 2^n
  let cdf = 0;
  let l = 0;
  for (let j = 0; j < n; j++) {
    cdf += Math.exp(logTerm);
    if (cdf > tail) break;
    l = j + 1;
    logTerm += Math.log((n - j) / (j + 1));
  }
  return l;
}

/**
 * Distribution-free interval for a median from order statistics: [x(l), x(n−l+1)] with l the
 * largest index such that P(Binomial(n, ½) ≤ l − 1) ≤ (1 − confidence)/2, which covers the
 * median with at least `confidence`. Null when n is too small for any such l.
 */
export function medianIntervalSorted(sorted: ArrayLike<number>, confidence: number): Interval | null {
  const n = sorted.length;
  const l = lowerOrderIndex(n, (1 - confidence) / 2);
  if (l < 1) return null;
  return { low: sorted[l - 1] as number, high: sorted[n - l] as number };
}

/**
 * Interval for median(after) ÷ median(before) of two independent samples: each median's
 * order-statistic interval at √0.95 ≈ 97.47%, so both cover together with at least 95%, and the
 * ratio lies within [low_after / high_before, high_after / low_before]. Conservative, no resampling.
 * `high` null when the before sample's lower limit is 0.
 */
export function medianRatioInterval(
  beforeSorted: ArrayLike<number>,
  afterSorted: ArrayLike<number>,
  confidence = 0.95,
): RatioInterval | null {
  const each = Math.sqrt(confidence);
  const before = medianIntervalSorted(beforeSorted, each);
  const after = medianIntervalSorted(afterSorted, each);
  if (before === null || after === null || before.high <= 0) return null;
  return { low: after.low / before.high, high: before.low > 0 ? after.high / before.low : null };
}
