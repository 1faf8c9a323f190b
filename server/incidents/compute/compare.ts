import type {
  ChangeSuggestion,
  Comparison,
  ComparisonSide,
  DeploymentEvent,
  IncidentEvent,
  RatioEstimate,
  Verdict,
} from "../types";
import { DEFAULT_FAILURE_WINDOW_HOURS, findFailedDeployments, type ProductionPredicate } from "./failures";
import { formatNumber } from "./format";
import {
  durationStatsOf,
  medianRatioInterval,
  newcombeDifferenceInterval,
  poissonRateRatioInterval,
  restoreSeconds,
} from "./stats";

// Before/after a change: the same number of whole days on each side, production events on the
// change's scope (its account and/or service; the whole workspace when it names neither).
// Statistics and verdict rule: docs/decisions/0005-incidents-and-dora.md.

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;
/** Below this many incidents (incident rate, restore) or deployments (CFR) on either side: "too-few". */
export const MIN_EVENTS_PER_SIDE = 10;

export interface CompareEvents {
  deployments: readonly DeploymentEvent[];
  incidents: readonly IncidentEvent[];
}

export interface CompareOptions {
  /** Days on each side; shortened to the data there is before the change and up to asOf. */
  windowDays?: number;
  isProduction: ProductionPredicate;
  failureWindowHours?: number;
  asOf: Date;
}

interface Side {
  from: number;
  to: number;
  deployments: number;
  failed: number;
  incidents: number;
  restore: number[];
  open: number;
}

const emptySide = (from: number, to: number): Side => ({
  from,
  to,
  deployments: 0,
  failed: 0,
  incidents: 0,
  restore: [],
  open: 0,
});

/** Whole days of data on both sides of `at`: from the earliest event given to asOf. */
function windowDaysOf(events: CompareEvents, at: number, asOf: number, wanted: number): number {
  let earliest = Infinity;
  for (const d of events.deployments) earliest = Math.min(earliest, d.finishedAt.getTime());
  for (const i of events.incidents) earliest = Math.min(earliest, i.startedAt.getTime());
  if (earliest === Infinity) return 0;
  return Math.max(0, Math.min(wanted, Math.floor((at - earliest) / DAY_MS), Math.floor((asOf - at) / DAY_MS)));
}

const verdictOf = (low: number | null, high: number | null, neutral: number): Verdict =>
  high !== null && high < neutral ? "better" : low !== null && low > neutral ? "worse" : "no-clear-change";

function incidentRate(b: Side, a: Side): RatioEstimate {
  const method = "exact conditional (Clopper–Pearson on the after share of all incidents), per deployment";
  const ratio =
    b.deployments > 0 && a.deployments > 0 && b.incidents > 0
      ? a.incidents / a.deployments / (b.incidents / b.deployments)
      : null;
  const interval = poissonRateRatioInterval(b.incidents, b.deployments, a.incidents, a.deployments);
  const low = interval?.low ?? null;
  const high = interval?.high ?? null;
  const tooFew =
    b.deployments === 0 || a.deployments === 0 || b.incidents < MIN_EVENTS_PER_SIDE || a.incidents < MIN_EVENTS_PER_SIDE;
  return { ratio, low, high, method, verdict: tooFew ? "too-few" : verdictOf(low, high, 1) };
}

function changeFailureRate(b: Side, a: Side): RatioEstimate {
  const method = "Newcombe hybrid score interval (Wilson), after − before";
  const interval = newcombeDifferenceInterval(b.failed, b.deployments, a.failed, a.deployments);
  const difference = b.deployments > 0 && a.deployments > 0 ? a.failed / a.deployments - b.failed / b.deployments : null;
  const low = interval?.low ?? null;
  const high = interval?.high ?? null;
  const tooFew = b.deployments < MIN_EVENTS_PER_SIDE || a.deployments < MIN_EVENTS_PER_SIDE;
  return { ratio: difference, low, high, method, verdict: tooFew ? "too-few" : verdictOf(low, high, 0) };
}

function restoreRatio(b: Side, a: Side): RatioEstimate {
  const before = Float64Array.from(b.restore).sort();
  const after = Float64Array.from(a.restore).sort();
  const mb = durationStatsOf(before, 0).median;
  const ma = durationStatsOf(after, 0).median;
  const ratio = mb !== null && ma !== null && mb > 0 ? ma / mb : null;
  if (before.length < MIN_EVENTS_PER_SIDE || after.length < MIN_EVENTS_PER_SIDE) {
    const method = `too few to bound (an interval needs ${MIN_EVENTS_PER_SIDE} resolved incidents on each side)`;
    return { ratio, low: null, high: null, method, verdict: "too-few" };
  }
  const method = "distribution-free: order-statistic intervals of each median at 97.5%, combined (≥ 95%)";
  const interval = medianRatioInterval(before, after);
  const low = interval?.low ?? null;
  const high = interval?.high ?? null;
  return { ratio, low, high, method, verdict: verdictOf(low, high, 1) };
}

function sideView(s: Side): ComparisonSide {
  return {
    from: new Date(s.from).toISOString(),
    to: new Date(s.to).toISOString(),
    deployments: s.deployments,
    incidents: s.incidents,
    incidentsPer100Deployments: s.deployments > 0 ? (100 * s.incidents) / s.deployments : null,
    failedDeployments: s.failed,
    changeFailureRate: s.deployments > 0 ? s.failed / s.deployments : null,
    restore: durationStatsOf(s.restore, s.open),
  };
}

function summaryOf(change: ChangeSuggestion, b: Side, a: Side, days: number, rate: RatioEstimate): string {
  if (days === 0) return "No data on one side of the change yet: nothing to compare.";
  const counts =
    `${b.incidents} incidents over ${b.deployments} deployments in the ${days} days before, ` +
    `${a.incidents} over ${a.deployments} in the ${days} days after`;
  const interval =
    rate.low === null
      ? "no interval without incidents and deployments on both sides"
      : `95% interval for the rate ratio ${formatNumber(rate.low)}–${rate.high === null ? "unbounded" : formatNumber(rate.high)}`;
  const ratio = rate.ratio === null ? "" : `ratio ${formatNumber(rate.ratio)}, `;
  const verdict: Record<Verdict, string> = {
    "too-few": `too few to tell (${ratio}${interval})`,
    better: `fewer incidents per deployment after (${ratio}${interval})`,
    worse: `more incidents per deployment after (${ratio}${interval})`,
    "no-clear-change": `no clear change (${ratio}${interval})`,
  };
  const scope = [change.service, change.accountId].filter((x) => x !== null).join(" on ");
  return `${counts}${scope === "" ? "" : ` (${scope})`} — ${verdict[rate.verdict]}.`;
}

/** The same window before and after a change, with intervals and verdicts. */
export function compare(change: ChangeSuggestion, events: CompareEvents, options: CompareOptions): Comparison {
  const at = new Date(change.at).getTime();
  const asOf = options.asOf.getTime();
  const days = windowDaysOf(events, at, asOf, options.windowDays ?? DEFAULT_WINDOW_DAYS);
  const span = days * DAY_MS;
  const before = emptySide(at - span, at);
  const after = emptySide(at, at + span);
  const { isProduction } = options;
  const inScope = (e: { accountId: string | null; service: string | null; environment: string | null }) =>
    (change.accountId === null || e.accountId === change.accountId) &&
    (change.service === null || e.service === change.service) &&
    isProduction(e);
  const sideOf = (t: number) => (t >= before.from && t < at ? before : t >= at && t < after.to ? after : null);

  if (days > 0) {
    // Failures of a service's deployments depend only on that service's deployments and incidents.
    const service = change.service;
    const relevant =
      service === null
        ? events
        : {
            deployments: events.deployments.filter((d) => d.service === service),
            incidents: events.incidents.filter((i) => i.service === service),
          };
    const failed = findFailedDeployments(relevant.deployments, relevant.incidents, {
      isProduction,
      failureWindowHours: options.failureWindowHours ?? DEFAULT_FAILURE_WINDOW_HOURS,
    });
    for (const d of relevant.deployments) {
      const side = sideOf(d.finishedAt.getTime());
      if (side === null || !inScope(d)) continue;
      side.deployments++;
      if (failed.has(d.id)) side.failed++;
    }
    for (const i of relevant.incidents) {
      const side = sideOf(i.startedAt.getTime());
      if (side === null || !inScope(i)) continue;
      side.incidents++;
      const seconds = restoreSeconds(i, options.asOf);
      if (seconds === null) side.open++;
      else side.restore.push(seconds);
    }
  }
  const rate = incidentRate(before, after);
  return {
    change,
    windowDays: days,
    before: sideView(before),
    after: sideView(after),
    incidentRate: rate,
    changeFailureRate: changeFailureRate(before, after),
    restore: restoreRatio(before, after),
    summary: summaryOf(change, before, after, days, rate),
  };
}
