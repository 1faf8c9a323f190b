import type { DeploymentEvent, IncidentEvent } from "../types";

// Which production deployments failed. A deployment failed when CodeDeploy or CI says it failed
// or was rolled back, or when an incident on its service (same account when both name one, same
// environment when both name one) started within the failure window after it finished and before
// the next such deployment finished. Each incident blames at most one deployment, the latest
// before it; each deployment is counted once however many incidents follow it. No time limit
// (DevLake) blames old deployments for unrelated outages; a SHA in the incident (Four Keys) is
// rarely there. See docs/decisions/0005-incidents-and-dora.md.

export const DEFAULT_FAILURE_WINDOW_HOURS = 24;

export type ProductionPredicate = (event: { accountId: string | null; environment: string | null }) => boolean;

/**
 * Production: an event's own environment when it has one ("prod"), else its account's
 * environment (from the account directory); unknown on both counts is not production.
 */
export function productionPredicate(accountEnvironment: (accountId: string) => string | null | undefined): ProductionPredicate {
  return (e) =>
    e.environment !== null ? e.environment === "prod" : e.accountId !== null && accountEnvironment(e.accountId) === "prod";
}

export type FailureReason = "rolled_back" | "failed" | "incident";

export interface DeploymentFailure {
  deployment: DeploymentEvent;
  /** The deployment's own status when it says so, else the incident that followed it. */
  reason: FailureReason;
  /** The earliest-started incident it is blamed for (recovery time runs to its resolution); null for a bare rollback. */
  incident: IncidentEvent | null;
}

export interface FailureOptions {
  failureWindowHours: number;
  isProduction: ProductionPredicate;
}

interface Lane {
  times: Float64Array;
  deployments: DeploymentEvent[];
}

/** Production deployments per service and account (account "" = not known), each ordered by finish. */
function lanesOf(deployments: readonly DeploymentEvent[], isProduction: ProductionPredicate) {
  const grouped = new Map<string, Map<string, DeploymentEvent[]>>();
  for (const d of deployments) {
    if (!isProduction(d)) continue;
    let accounts = grouped.get(d.service);
    if (accounts === undefined) grouped.set(d.service, (accounts = new Map()));
    const account = d.accountId ?? "";
    const list = accounts.get(account);
    if (list === undefined) accounts.set(account, [d]);
    else list.push(d);
  }
  const lanes = new Map<string, Map<string, Lane>>();
  for (const [service, accounts] of grouped) {
    const byAccount = new Map<string, Lane>();
    for (const [account, list] of accounts) byAccount.set(account, laneOf(list));
    lanes.set(service, byAccount);
  }
  return lanes;
}

/** Sorts only when the caller did not already hand them over in order of finish. */
function laneOf(list: DeploymentEvent[]): Lane {
  const times = new Float64Array(list.length);
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const t = (list[i] as DeploymentEvent).finishedAt.getTime();
    times[i] = t;
    if (i > 0 && t < (times[i - 1] as number)) sorted = false;
  }
  if (sorted) return { times, deployments: list };
  const order = Array.from(list.keys()).sort((a, b) => (times[a] as number) - (times[b] as number));
  const deployments = order.map((i) => list[i] as DeploymentEvent);
  return { times: Float64Array.from(order, (i) => times[i] as number), deployments };
}

/** Index of the last deployment of the lane finished at or before t; −1 when none. */
function lastAtOrBefore(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The latest deployment of one lane that an incident starting at t may blame, with its finish. */
function latestIn(lane: Lane | undefined, incident: IncidentEvent, t: number, earliest: number) {
  if (lane === undefined) return null;
  for (let i = lastAtOrBefore(lane.times, t); i >= 0 && (lane.times[i] as number) >= earliest; i--) {
    const d = lane.deployments[i] as DeploymentEvent;
    if (d.environment !== null && incident.environment !== null && d.environment !== incident.environment) continue;
    return { deployment: d, finished: lane.times[i] as number };
  }
  return null;
}

/** The deployment an incident is blamed on, or null. */
function blamed(lanes: Map<string, Map<string, Lane>>, incident: IncidentEvent, windowMs: number) {
  if (incident.service === null) return null;
  const byAccount = lanes.get(incident.service);
  if (byAccount === undefined) return null;
  const t = incident.startedAt.getTime();
  const earliest = t - windowMs;
  const candidates =
    incident.accountId === null
      ? Array.from(byAccount.values(), (lane) => latestIn(lane, incident, t, earliest))
      : [latestIn(byAccount.get(incident.accountId), incident, t, earliest), latestIn(byAccount.get(""), incident, t, earliest)];
  let best: { deployment: DeploymentEvent; finished: number } | null = null;
  for (const c of candidates) if (c !== null && (best === null || c.finished > best.finished)) best = c;
  return best?.deployment ?? null;
}

/** The failed production deployments by id, with why and the incident each links to. */
export function findFailedDeployments(
  deployments: readonly DeploymentEvent[],
  incidents: readonly IncidentEvent[],
  options: FailureOptions,
): Map<string, DeploymentFailure> {
  const { isProduction } = options;
  const failed = new Map<string, DeploymentFailure>();
  for (const d of deployments) {
    if (d.status !== "succeeded" && isProduction(d)) failed.set(d.id, { deployment: d, reason: d.status, incident: null });
  }
  const lanes = lanesOf(deployments, isProduction);
  const windowMs = options.failureWindowHours * 3_600_000;
  for (const incident of incidents) {
    if (!isProduction(incident)) continue;
    const d = blamed(lanes, incident, windowMs);
    if (d === null) continue;
    const known = failed.get(d.id);
    if (known === undefined) failed.set(d.id, { deployment: d, reason: "incident", incident });
    else if (known.incident === null || incident.startedAt.getTime() < known.incident.startedAt.getTime()) {
      known.incident = incident;
    }
  }
  return failed;
}
