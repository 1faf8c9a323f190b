import type { Bucket, DeploymentEvent, ExperimentEvent, IncidentEvent, SeverityKey, TrendBucket } from "../types";
import { durationStatsOf, restoreSeconds } from "./stats";

// Trend buckets are UTC: ISO weeks starting Monday 00:00 UTC, or calendar months in UTC. An
// event belongs to the bucket its UTC instant falls in, whatever offset its source wrote.

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const SEVERITY_KEYS: readonly SeverityKey[] = ["critical", "high", "medium", "low", "none", "unknown"];

/** YYYY-MM-DD of a UTC instant. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the Monday on or before `date`. */
export function weekStart(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** Midnight UTC of the first day of the month of `date`. */
export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function bucketLabel(start: Date, bucket: Bucket): string {
  const month = MONTHS[start.getUTCMonth()] as string;
  if (bucket === "month") return `${month} ${start.getUTCFullYear()}`;
  return `Week of ${start.getUTCDate()} ${month} ${start.getUTCFullYear()}`;
}

/** The UTC buckets that meet [from, to): the first one holds `from`, the last one starts before `to`. */
export function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const starts: Date[] = [];
  if (to.getTime() <= from.getTime()) return starts;
  if (bucket === "week") {
    for (let t = weekStart(from).getTime(); t < to.getTime(); t += WEEK_MS) starts.push(new Date(t));
    return starts;
  }
  const first = monthStart(from);
  for (let i = 0; ; i++) {
    const start = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1));
    if (start.getTime() >= to.getTime()) return starts;
    starts.push(start);
  }
}

/**
 * A function from an instant to its bucket's index among `bucketStarts(from, to, bucket)`, or −1
 * outside [from, to). Arithmetic only: no allocation per event.
 */
export function bucketIndexer(from: Date, to: Date, bucket: Bucket): (date: Date) => number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (bucket === "week") {
    const origin = weekStart(from).getTime();
    return (date) => {
      const t = date.getTime();
      return t < fromMs || t >= toMs ? -1 : Math.floor((t - origin) / WEEK_MS);
    };
  }
  const originMonth = from.getUTCFullYear() * 12 + from.getUTCMonth();
  return (date) => {
    const t = date.getTime();
    return t < fromMs || t >= toMs ? -1 : date.getUTCFullYear() * 12 + date.getUTCMonth() - originMonth;
  };
}

export interface TrendEvents {
  incidents: readonly IncidentEvent[];
  deployments: readonly DeploymentEvent[];
  experiments: readonly ExperimentEvent[];
}

export interface TrendOptions {
  from: Date;
  to: Date;
  bucket: Bucket;
  /** Incidents unresolved at this instant are open (right-censored). */
  asOf: Date;
}

/**
 * Incidents by severity and their time to restore, bucketed by start; deployments by finish
 * (failed and rolled back by their own status); FIS experiments by start (stopped = FIS status
 * "stopped", which a stop condition or a person sets; failed = "failed"). Events outside
 * [from, to) are left out; a bucket cut by `from` or `to` only counts the part inside.
 */
export function trendBuckets(events: TrendEvents, options: TrendOptions): TrendBucket[] {
  const { from, to, bucket, asOf } = options;
  const starts = bucketStarts(from, to, bucket);
  const indexOf = bucketIndexer(from, to, bucket);
  const restore = starts.map(() => ({ seconds: [] as number[], open: 0 }));
  const buckets: TrendBucket[] = starts.map((start) => ({
    start: utcDay(start),
    label: bucketLabel(start, bucket),
    incidents: { total: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 } },
    restore: { n: 0, median: null, p90: null, open: 0 },
    deployments: { total: 0, failed: 0, rolledBack: 0 },
    experiments: { run: 0, stopped: 0, failed: 0 },
  }));

  for (const incident of events.incidents) {
    const i = indexOf(incident.startedAt);
    const b = buckets[i];
    const r = restore[i];
    if (b === undefined || r === undefined) continue;
    b.incidents.total++;
    b.incidents.bySeverity[incident.severityKey]++;
    const seconds = restoreSeconds(incident, asOf);
    if (seconds === null) r.open++;
    else r.seconds.push(seconds);
  }
  for (const deployment of events.deployments) {
    const b = buckets[indexOf(deployment.finishedAt)];
    if (b === undefined) continue;
    b.deployments.total++;
    if (deployment.status === "failed") b.deployments.failed++;
    else if (deployment.status === "rolled_back") b.deployments.rolledBack++;
  }
  for (const experiment of events.experiments) {
    if (experiment.startedAt === null) continue;
    const b = buckets[indexOf(experiment.startedAt)];
    if (b === undefined) continue;
    b.experiments.run++;
    const status = experiment.status.toLowerCase();
    if (status === "stopped") b.experiments.stopped++;
    else if (status === "failed") b.experiments.failed++;
  }
  buckets.forEach((b, i) => {
    const r = restore[i];
    if (r !== undefined) b.restore = durationStatsOf(r.seconds, r.open);
  });
  return buckets;
}
