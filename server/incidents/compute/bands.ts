import type { DoraBand } from "../types";

// The performance clusters of ONE report year, as data: DORA, "Accelerate State of DevOps
// Report 2024", the software delivery performance table (p. 13). Bands move every year and the
// 2025 report has none, so every band carries its year. Research: ../shared/research/incidents.md §1.3.

export const BAND_YEAR = 2024;
export const BAND_SOURCE =
  "DORA Accelerate State of DevOps Report 2024, software delivery performance clusters (Google Cloud, 2024)";

/** Fewer deployments than this in a window: no band for deployment frequency, lead time or change failure rate. */
export const MIN_DEPLOYMENTS_FOR_BAND = 10;
/** Fewer timed recoveries than this: no band for failed deployment recovery time. */
export const MIN_RECOVERIES_FOR_BAND = 5;

type Label = DoraBand["label"];

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/**
 * Deployments per day from which a band holds, best first. The report's words are ranges
 * ("between once per day and once per week"): elite needs more than one a day ("multiple deploys
 * per day"); otherwise a boundary rate goes to the better band; a month is 30 days; anything
 * below once a month is low (the report has no band below it).
 */
export const DEPLOYMENT_FREQUENCY_BANDS: readonly { label: Label; minPerDay: number; strict: boolean; threshold: string }[] = [
  { label: "elite", minPerDay: 1, strict: true, threshold: "on demand (multiple deploys per day)" },
  { label: "high", minPerDay: 1 / 7, strict: false, threshold: "between once per day and once per week" },
  { label: "medium", minPerDay: 1 / 30, strict: false, threshold: "between once per week and once per month" },
  { label: "low", minPerDay: 0, strict: false, threshold: "between once per month and once every six months" },
];

/** Lead time for changes: seconds below which a band holds, best first; longer is low. */
export const LEAD_TIME_BANDS: readonly { label: Label; below: number; threshold: string }[] = [
  { label: "elite", below: DAY, threshold: "less than one day" },
  { label: "high", below: WEEK, threshold: "between one day and one week" },
  { label: "medium", below: MONTH, threshold: "between one week and one month" },
  { label: "low", below: Infinity, threshold: "between one month and six months" },
];

/**
 * Failed deployment recovery time. In 2024 high and medium share "less than one day", so a value
 * under a day is high (the better of the two: medium is never assigned); no cluster covers one day
 * to one week, so everything from a day up is low, whose cluster is the only one above a day.
 */
export const RECOVERY_TIME_BANDS: readonly { label: Label; below: number; threshold: string }[] = [
  { label: "elite", below: HOUR, threshold: "less than one hour" },
  { label: "high", below: DAY, threshold: "less than one day (high and medium alike in 2024)" },
  { label: "low", below: Infinity, threshold: "between one week and one month (one day or more here)" },
];

/**
 * Change failure rate: the report gives each cluster one value, not a range. Oddly, in 2024 the
 * medium cluster's rate (10%) is lower than the high cluster's (20%); we keep what the report says.
 * Rule: the band whose value is nearest to the observed rate, ties to the better band. That puts
 * ≤ 7.5% in elite, 7.5–15% in medium, 15–30% in high and over 30% in low.
 */
export const CHANGE_FAILURE_RATE_BANDS: readonly { label: Label; value: number; threshold: string }[] = [
  { label: "elite", value: 0.05, threshold: "5% (cluster value)" },
  { label: "high", value: 0.2, threshold: "20% (cluster value)" },
  { label: "medium", value: 0.1, threshold: "10% (cluster value)" },
  { label: "low", value: 0.4, threshold: "40% (cluster value)" },
];

const band = (label: Label, threshold: string): DoraBand => ({ year: BAND_YEAR, label, threshold });

export function deploymentFrequencyBand(perDay: number): DoraBand {
  const b = DEPLOYMENT_FREQUENCY_BANDS.find((x) => (x.strict ? perDay > x.minPerDay : perDay >= x.minPerDay))!;
  return band(b.label, b.threshold);
}

export function leadTimeBand(seconds: number): DoraBand {
  const b = LEAD_TIME_BANDS.find((x) => seconds < x.below)!;
  return band(b.label, b.threshold);
}

export function recoveryTimeBand(seconds: number): DoraBand {
  const b = RECOVERY_TIME_BANDS.find((x) => seconds < x.below)!;
  return band(b.label, b.threshold);
}

const RANK: Record<Label, number> = { elite: 0, high: 1, medium: 2, low: 3 };

export function changeFailureRateBand(rate: number): DoraBand {
  let best = CHANGE_FAILURE_RATE_BANDS[0]!;
  for (const b of CHANGE_FAILURE_RATE_BANDS) {
    const d = Math.abs(rate - b.value);
    const bestD = Math.abs(rate - best.value);
    // Rates are fractions of counts: compare with a little slack so that 15% is a tie, not a float accident.
    if (d < bestD - 1e-12 || (Math.abs(d - bestD) <= 1e-12 && RANK[b.label] < RANK[best.label])) best = b;
  }
  return band(best.label, best.threshold);
}
