import type {
  DeploymentEvent,
  DoraBand,
  DoraFigure,
  DoraInput,
  DoraRow,
  DoraTable,
  DurationStats,
  IncidentEvent,
} from "../types";
import {
  BAND_SOURCE,
  BAND_YEAR,
  MIN_DEPLOYMENTS_FOR_BAND,
  MIN_RECOVERIES_FOR_BAND,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryTimeBand,
} from "./bands";
import { findFailedDeployments, type DeploymentFailure, type ProductionPredicate } from "./failures";
import { formatDay, formatDuration, formatNumber, formatPercent } from "./format";
import { durationStatsOf, wilsonInterval } from "./stats";

// The four DORA keys over production deployments that finished in [from, to). Definitions,
// attribution and bands: docs/decisions/0005-incidents-and-dora.md.

const DAY_MS = 86_400_000;

export interface DoraEvents {
  deployments: readonly DeploymentEvent[];
  /** Incidents that may mark deployments failed: include those up to the failure window after `to`. */
  incidents: readonly IncidentEvent[];
}

export interface DoraOptions {
  from: Date;
  to: Date;
  failureWindowHours: number;
  /** Incidents unresolved at this instant are open; the window ends here if `to` is later. */
  asOf: Date;
  isProduction: ProductionPredicate;
}

/** What one row's figures are computed from, gathered in one pass over the deployments. */
class Tally {
  deployments = 0;
  leadTimes: number[] = [];
  withoutCommit = 0;
  nonPositiveLeadTimes = 0;
  rolledBack = 0;
  failedStatus = 0;
  followedByIncident = 0;
  recoveries: number[] = [];
  recoveriesOpen = 0;
  untimedFailures = 0;

  add(d: DeploymentEvent, failure: DeploymentFailure | undefined, asOf: number) {
    this.deployments++;
    const finished = d.finishedAt.getTime();
    if (d.committedAt === null) this.withoutCommit++;
    else {
      const seconds = (finished - d.committedAt.getTime()) / 1000;
      if (seconds > 0) this.leadTimes.push(seconds);
      else this.nonPositiveLeadTimes++;
    }
    if (failure === undefined) return;
    if (failure.reason === "rolled_back") this.rolledBack++;
    else if (failure.reason === "failed") this.failedStatus++;
    else this.followedByIncident++;
    const resolved = failure.incident?.resolvedAt ?? null;
    if (failure.incident === null) this.untimedFailures++;
    else if (resolved === null || resolved.getTime() > asOf) this.recoveriesOpen++;
    else this.recoveries.push(Math.max(0, (resolved.getTime() - finished) / 1000));
  }

  counts(): DoraCounts {
    return {
      deployments: this.deployments,
      lead: durationStatsOf(this.leadTimes, 0),
      withoutCommit: this.withoutCommit,
      nonPositiveLeadTimes: this.nonPositiveLeadTimes,
      rolledBack: this.rolledBack,
      failedStatus: this.failedStatus,
      followedByIncident: this.followedByIncident,
      recovery: durationStatsOf(this.recoveries, this.recoveriesOpen),
      untimedFailures: this.untimedFailures,
    };
  }
}

/**
 * What one row's figures are computed from: counts, and the lead and recovery times as median,
 * p90 and n (open = recoveries whose incident is unresolved). The SQL path (server/incidents/sql/dora.ts)
 * produces the same.
 */
export interface DoraCounts {
  deployments: number;
  lead: DurationStats;
  withoutCommit: number;
  nonPositiveLeadTimes: number;
  rolledBack: number;
  failedStatus: number;
  followedByIncident: number;
  recovery: DurationStats;
  untimedFailures: number;
}

export const emptyDoraCounts = (): DoraCounts => new Tally().counts();

export const failedOf = (t: DoraCounts) => t.rolledBack + t.failedStatus + t.followedByIncident;

interface Window {
  from: Date;
  end: Date;
  days: number;
  text: string;
}

function windowOf(options: Pick<DoraOptions, "from" | "to" | "asOf">): Window {
  const end = new Date(Math.min(options.to.getTime(), options.asOf.getTime()));
  const days = Math.max(0, (end.getTime() - options.from.getTime()) / DAY_MS);
  return {
    from: options.from,
    end,
    days,
    text: `${formatDay(options.from)} to ${formatDay(end)} UTC (${formatNumber(days)} days)`,
  };
}

const tooFew = (what: string, n: number, min: number) => `Too few ${what} for a band (${n}; a band needs ${min}).`;

function deploymentFrequency(t: DoraCounts, w: Window): DoraFigure {
  const definition =
    "Production deployments that finished in the window, per day (succeeded, failed or rolled back; " +
    "CodeDeploy deployments started by Auto Scaling are not counted).";
  const perDay = t.deployments > 0 && w.days > 0 ? t.deployments / w.days : null;
  const inputs = [
    { label: "Production deployments", value: String(t.deployments) },
    { label: "Window", value: w.text },
    { label: "Per week", value: perDay === null ? "no data" : formatNumber(perDay * 7) },
  ];
  if (perDay === null) {
    return { value: null, n: t.deployments, band: null, note: "No production deployments in the window.", definition, inputs };
  }
  return deploymentsFigure(t, perDay, deploymentFrequencyBand, { definition, inputs });
}

/** A figure over the deployments: banded from enough of them, else the note says how few. */
function deploymentsFigure(
  t: DoraCounts,
  value: number,
  band: (value: number) => DoraBand,
  text: { definition: string; inputs: DoraInput[] },
): DoraFigure {
  const enough = t.deployments >= MIN_DEPLOYMENTS_FOR_BAND;
  return {
    value,
    n: t.deployments,
    band: enough ? band(value) : null,
    note: enough ? null : tooFew("deployments", t.deployments, MIN_DEPLOYMENTS_FOR_BAND),
    ...text,
  };
}

function leadTime(t: DoraCounts, w: Window): DoraFigure {
  const definition =
    "Median time from the commit to the production deployment finishing (p90 beside it), over deployments " +
    "whose commit time is known; a commit time at or after the finish is dropped.";
  const stats = t.lead;
  const notes: string[] = [];
  if (t.withoutCommit > 0) notes.push(`${t.withoutCommit} of ${t.deployments} deployments have no commit time.`);
  if (t.nonPositiveLeadTimes > 0) notes.push(`${t.nonPositiveLeadTimes} with a commit time at or after the finish dropped.`);
  const enough = stats.n >= MIN_DEPLOYMENTS_FOR_BAND;
  if (stats.median !== null && !enough) notes.push(tooFew("deployments with commit times", stats.n, MIN_DEPLOYMENTS_FOR_BAND));
  if (stats.median === null) notes.unshift("No data: no production deployment in the window has a commit time.");
  const counts = [{ label: "Deployments with a commit time", value: `${stats.n} of ${t.deployments}` }];
  return durationFigure(stats, { band: enough ? leadTimeBand : null, notes, definition, counts, w });
}

/** A duration key's figure: the median with its p90 and n, banded when there are enough, its inputs. */
function durationFigure(
  stats: DurationStats,
  o: { band: ((seconds: number) => DoraBand) | null; notes: string[]; definition: string; counts: DoraInput[]; w: Window },
): DoraFigure {
  const duration = (seconds: number | null) => (seconds === null ? "no data" : formatDuration(seconds));
  return {
    value: stats.median,
    p90: stats.p90,
    n: stats.n,
    band: stats.median !== null && o.band ? o.band(stats.median) : null,
    note: o.notes.length > 0 ? o.notes.join(" ") : null,
    definition: o.definition,
    inputs: [
      ...o.counts,
      { label: "Median", value: duration(stats.median) },
      { label: "p90", value: duration(stats.p90) },
      { label: "Window", value: o.w.text },
    ],
  };
}

function changeFailureRate(t: DoraCounts, w: Window, failureWindowHours: number): DoraFigure {
  const definition =
    `Production deployments that failed ÷ production deployments: rolled back, reported failed, or followed by an ` +
    `incident on the same service (and account and environment where both are known) within ${failureWindowHours} h ` +
    `and before its next deployment. Each deployment counts once; each incident blames only the latest deployment.`;
  const failed = failedOf(t);
  const inputs = [
    { label: "Failed deployments", value: String(failed) },
    { label: "Rolled back", value: String(t.rolledBack) },
    { label: "Reported failed", value: String(t.failedStatus) },
    { label: "Followed by an incident", value: String(t.followedByIncident) },
    { label: "Production deployments", value: String(t.deployments) },
    { label: "Failure window", value: `${failureWindowHours} h` },
    { label: "Window", value: w.text },
  ];
  if (t.deployments === 0) {
    return {
      value: null,
      n: 0,
      band: null,
      note: "No production deployments in the window.",
      definition,
      inputs,
      interval: null,
    };
  }
  const rate = failed / t.deployments;
  const rateInput = { label: "Rate", value: `${failed} of ${t.deployments} (${formatPercent(rate)})` };
  return {
    ...deploymentsFigure(t, rate, changeFailureRateBand, { definition, inputs: [rateInput, ...inputs] }),
    interval: wilsonInterval(failed, t.deployments),
  };
}

function recoveryTime(t: DoraCounts, w: Window): DoraFigure {
  const definition =
    "Median time from a failed production deployment finishing to the resolution of the incident it is blamed " +
    "for (p90 beside it). Failures without an incident (a bare rollback or failed status) are not timed; " +
    "incidents still open are left out and counted.";
  const stats = t.recovery;
  const notes: string[] = [];
  if (stats.median === null) notes.push("No data: no failed deployment in the window has a resolved incident.");
  if (stats.open > 0) notes.push(`${stats.open} still open.`);
  if (t.untimedFailures > 0) notes.push(`${t.untimedFailures} failed deployments without an incident are not timed.`);
  const enough = stats.n >= MIN_RECOVERIES_FOR_BAND;
  if (stats.median !== null && !enough) notes.push(tooFew("recovered incidents", stats.n, MIN_RECOVERIES_FOR_BAND));
  const counts = [
    { label: "Recovered failed deployments", value: String(stats.n) },
    { label: "Still open", value: String(stats.open) },
    { label: "Failed without an incident", value: String(t.untimedFailures) },
  ];
  return durationFigure(stats, { band: enough ? recoveryTimeBand : null, notes, definition, counts, w });
}

function rowOf(scope: DoraRow["scope"], key: string, label: string, t: DoraCounts, w: Window, hours: number): DoraRow {
  return {
    scope,
    key,
    label,
    deploymentFrequency: deploymentFrequency(t, w),
    leadTime: leadTime(t, w),
    changeFailureRate: changeFailureRate(t, w, hours),
    recoveryTime: recoveryTime(t, w),
  };
}

/** Production deployments finished in the window, each with its failure if any. */
function eachInWindow(
  events: DoraEvents,
  options: DoraOptions,
  w: Window,
  visit: (d: DeploymentEvent, failure: DeploymentFailure | undefined) => void,
) {
  const failed = findFailedDeployments(events.deployments, events.incidents, options);
  const from = w.from.getTime();
  const end = w.end.getTime();
  for (const d of events.deployments) {
    const t = d.finishedAt.getTime();
    if (t < from || t >= end || !options.isProduction(d)) continue;
    visit(d, failed.get(d.id));
  }
}

/** The four keys for one scope, over the events given (already narrowed to that scope). */
export function doraRow(scope: DoraRow["scope"], key: string, label: string, events: DoraEvents, options: DoraOptions): DoraRow {
  const w = windowOf(options);
  const tally = new Tally();
  const asOf = options.asOf.getTime();
  eachInWindow(events, options, w, (d, f) => tally.add(d, f, asOf));
  return rowOf(scope, key, label, tally.counts(), w, options.failureWindowHours);
}

export interface DoraTableOptions extends DoraOptions {
  /** The OU path an account sits in (e.g. "/Workloads/Prod"), or null when not known. */
  ouOf: (accountId: string) => string | null;
  /** A display name for an account, when known. */
  accountName?: (accountId: string) => string | null;
}

/** The four keys for the workspace and for each OU, account and service with production deployments. */
export function doraTable(events: DoraEvents, options: DoraTableOptions): DoraTable {
  const w = windowOf(options);
  const asOf = options.asOf.getTime();
  const workspace = new Tally();
  const byOu = new Map<string, Tally>();
  const byAccount = new Map<string, Tally>();
  const byService = new Map<string, Tally>();
  const ouOfAccount = new Map<string, string | null>();
  const tallyOf = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (t === undefined) map.set(key, (t = new Tally()));
    return t;
  };
  eachInWindow(events, options, w, (d, f) => {
    workspace.add(d, f, asOf);
    tallyOf(byService, d.service).add(d, f, asOf);
    if (d.accountId === null) return;
    tallyOf(byAccount, d.accountId).add(d, f, asOf);
    let ou = ouOfAccount.get(d.accountId);
    if (ou === undefined) ouOfAccount.set(d.accountId, (ou = options.ouOf(d.accountId)));
    if (ou !== null) tallyOf(byOu, ou).add(d, f, asOf);
  });
  const counts = (map: Map<string, Tally>) => new Map([...map].map(([key, t]) => [key, t.counts()]));
  return doraTableOf(
    { workspace: workspace.counts(), byOu: counts(byOu), byAccount: counts(byAccount), byService: counts(byService) },
    options,
  );
}

export interface DoraTableCounts {
  workspace: DoraCounts;
  byOu: Map<string, DoraCounts>;
  byAccount: Map<string, DoraCounts>;
  byService: Map<string, DoraCounts>;
}

/** The table from each scope's counts (rows ordered by key). */
export function doraTableOf(counts: DoraTableCounts, options: Omit<DoraTableOptions, "isProduction" | "ouOf">): DoraTable {
  const w = windowOf(options);
  const hours = options.failureWindowHours;
  const rows = (scope: DoraRow["scope"], map: Map<string, DoraCounts>, labelOf: (key: string) => string) =>
    [...map.keys()].sort().map((key) => rowOf(scope, key, labelOf(key), map.get(key) as DoraCounts, w, hours));
  return {
    workspace: rowOf("workspace", "workspace", "Workspace", counts.workspace, w, hours),
    byOu: rows("ou", counts.byOu, (path) => path),
    byAccount: rows("account", counts.byAccount, (id) => options.accountName?.(id) ?? id),
    byService: rows("service", counts.byService, (service) => service),
    failureWindowHours: hours,
    bands: { year: BAND_YEAR, source: BAND_SOURCE },
  };
}
