import type { ChangeSuggestion, DeploymentEvent, ExperimentEvent, IncidentEvent, MaturityEvent } from "../types";
import { DEFAULT_WINDOW_DAYS } from "./compare";
import type { ProductionPredicate } from "./failures";

// Changes worth a before/after look: canaries arriving on a deployment group, a practice reaching
// a higher level on an account, the first chaos experiment on an account and service. Ranked by
// how many incidents of their scope fall in the comparison's windows: more data first.

const DAY_MS = 86_400_000;
/** CodeDeploy configurations that shift traffic gradually (the SQL path uses the same words). */
export const PROGRESSIVE = /canary|linear/i;

export interface SuggestionEvents {
  deployments: readonly DeploymentEvent[];
  incidents: readonly IncidentEvent[];
  experiments: readonly ExperimentEvent[];
  maturity: readonly MaturityEvent[];
}

export interface SuggestionOptions {
  isProduction: ProductionPredicate;
  asOf: Date;
  /** Days on each side, as `compare` takes them. */
  windowDays?: number;
  /** At most this many suggestions; default 10. */
  limit?: number;
}

/**
 * Per production deployment group, the first canary or linear deployment (CodeDeploy's
 * configuration name says which) after at least one that was neither, i.e. all at once, one or
 * half at a time, or of no named configuration.
 */
function canaryArrivals(deployments: readonly DeploymentEvent[], isProduction: ProductionPredicate) {
  const groups = new Map<string, DeploymentEvent[]>();
  for (const d of deployments) {
    if (!isProduction(d)) continue;
    const list = groups.get(d.group);
    if (list === undefined) groups.set(d.group, [d]);
    else list.push(d);
  }
  const found: ChangeSuggestion[] = [];
  // Configuration names repeat: test each once.
  const progressive = new Map<string, boolean>();
  const isProgressive = (config: string) => {
    let known = progressive.get(config);
    if (known === undefined) progressive.set(config, (known = PROGRESSIVE.test(config)));
    return known;
  };
  for (const [group, list] of groups) {
    let inOrder = true;
    for (let i = 1; i < list.length && inOrder; i++) {
      inOrder = (list[i - 1] as DeploymentEvent).finishedAt.getTime() <= (list[i] as DeploymentEvent).finishedAt.getTime();
    }
    const ordered = inOrder ? list : [...list].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
    let seenOther = false;
    for (const d of ordered) {
      const config = d.deploymentConfig ?? "";
      if (!isProgressive(config)) {
        seenOther = true;
        continue;
      }
      if (!seenOther) break;
      const at = d.finishedAt.toISOString();
      const kind = /linear/i.test(config) ? "Linear" : "Canary";
      found.push({
        id: `canary:${group}:${at}`,
        kind: "canary",
        at,
        title: `${kind} deployments arrive on ${group}`,
        accountId: d.accountId,
        service: d.service,
        reason: "",
      });
      break;
    }
  }
  return found;
}

export function maturityRises(changes: readonly MaturityEvent[]): ChangeSuggestion[] {
  return changes
    .filter((m) => m.to > m.from)
    .map((m) => ({
      id: `maturity:${m.id}`,
      kind: "maturity" as const,
      at: m.at.toISOString(),
      title: `${m.practiceName} reaches level ${m.to} on ${m.accountId}`,
      accountId: m.accountId,
      service: null,
      reason: "",
    }));
}

export function firstExperiments(experiments: readonly ExperimentEvent[]): ChangeSuggestion[] {
  const first = new Map<string, ExperimentEvent & { startedAt: Date }>();
  for (const e of experiments) {
    if (e.startedAt === null) continue;
    const key = `${e.accountId}:${e.service ?? "*"}`;
    const known = first.get(key);
    if (known === undefined || e.startedAt < known.startedAt) first.set(key, e as ExperimentEvent & { startedAt: Date });
  }
  return [...first].map(([key, e]) => ({
    id: `first-chaos:${key}`,
    kind: "first-chaos" as const,
    at: e.startedAt.toISOString(),
    title: `First chaos experiment on ${e.service ?? "the account"} in ${e.accountId}`,
    accountId: e.accountId,
    service: e.service,
    reason: "",
  }));
}

/** Every change of the three kinds, unranked and without reasons. */
export function candidateChanges(events: SuggestionEvents, isProduction: ProductionPredicate): ChangeSuggestion[] {
  return [
    ...canaryArrivals(events.deployments, isProduction),
    ...maturityRises(events.maturity),
    ...firstExperiments(events.experiments),
  ];
}

/** Production incident start times by scope ("", "a:<account>", "s:<service>", "as:<account>:<service>"), sorted. */
function incidentIndex(incidents: readonly IncidentEvent[], isProduction: ProductionPredicate) {
  const lists = new Map<string, number[]>();
  const add = (key: string, t: number) => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [t]);
    else list.push(t);
  };
  for (const i of incidents) {
    if (!isProduction(i)) continue;
    const t = i.startedAt.getTime();
    add("", t);
    if (i.accountId !== null) add(`a:${i.accountId}`, t);
    if (i.service !== null) add(`s:${i.service}`, t);
    if (i.accountId !== null && i.service !== null) add(`as:${i.accountId}:${i.service}`, t);
  }
  const sorted = new Map<string, Float64Array>();
  for (const [key, list] of lists) sorted.set(key, Float64Array.from(list).sort());
  return sorted;
}

/** How many sorted times fall in [from, to). */
function countIn(times: Float64Array | undefined, from: number, to: number): number {
  if (times === undefined) return 0;
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return firstAtOrAfter(to) - firstAtOrAfter(from);
}

/** The incidents a change is judged by: "as:<account>:<service>", "a:<account>", "s:<service>" or "" (all). */
export function scopeKey(c: Pick<ChangeSuggestion, "accountId" | "service">): string {
  if (c.accountId !== null && c.service !== null) return `as:${c.accountId}:${c.service}`;
  if (c.accountId !== null) return `a:${c.accountId}`;
  if (c.service !== null) return `s:${c.service}`;
  return "";
}

function scopeText(c: ChangeSuggestion): string {
  if (c.accountId !== null && c.service !== null) return `${c.service} in ${c.accountId}`;
  if (c.accountId !== null) return `account ${c.accountId}`;
  if (c.service !== null) return `service ${c.service}`;
  return "the workspace";
}

/**
 * The days on each side `compare` would use for a change: the wanted window, shortened to the data
 * before it (from the earliest event, ms; Infinity when there is none) and the time since it.
 */
export function windowDaysOf(c: ChangeSuggestion, earliest: number, options: Pick<SuggestionOptions, "asOf" | "windowDays">) {
  const at = new Date(c.at).getTime();
  const wanted = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  return earliest === Infinity
    ? 0
    : Math.max(0, Math.min(wanted, Math.floor((at - earliest) / DAY_MS), Math.floor((options.asOf.getTime() - at) / DAY_MS)));
}

/** A change with its reason: its production incidents `before` and `after` in `days` each side. */
export function reasoned(c: ChangeSuggestion, days: number, before: number, after: number) {
  const reason =
    days === 0
      ? `No data on one side of it yet to compare on ${scopeText(c)}.`
      : `${before} incidents before, ${after} after on ${scopeText(c)} (${days} days each side).`;
  return { suggestion: { ...c, reason }, incidents: before + after };
}

/** A reasoner: the incidents before and after a change on its scope, with the days `compare` would use. */
function reasoner(events: SuggestionEvents, options: SuggestionOptions) {
  const index = incidentIndex(events.incidents, options.isProduction);
  let earliest = Infinity;
  for (const d of events.deployments) earliest = Math.min(earliest, d.finishedAt.getTime());
  for (const i of events.incidents) earliest = Math.min(earliest, i.startedAt.getTime());
  return (c: ChangeSuggestion) => {
    const at = new Date(c.at).getTime();
    const days = windowDaysOf(c, earliest, options);
    const times = index.get(scopeKey(c));
    return reasoned(c, days, countIn(times, at - days * DAY_MS, at), countIn(times, at, at + days * DAY_MS));
  };
}

/** More incidents in their windows first, then the most recent; at most `limit` (default 10). */
export function rankChanges(changes: ReturnType<typeof reasoned>[], limit = 10): ChangeSuggestion[] {
  return [...changes]
    .sort(
      (a, b) =>
        b.incidents - a.incidents ||
        b.suggestion.at.localeCompare(a.suggestion.at) ||
        a.suggestion.id.localeCompare(b.suggestion.id),
    )
    .slice(0, limit)
    .map((r) => r.suggestion);
}

/** The changes worth a before/after look, more incidents in their windows first, then the most recent. */
export function suggestChanges(events: SuggestionEvents, options: SuggestionOptions): ChangeSuggestion[] {
  return rankChanges(candidateChanges(events, options.isProduction).map(reasoner(events, options)), options.limit);
}

/** The change an id names (as `suggestChanges` made it), with its reason; null when there is none. */
export function changeById(id: string, events: SuggestionEvents, options: SuggestionOptions): ChangeSuggestion | null {
  const found = candidateChanges(events, options.isProduction).find((c) => c.id === id);
  return found === undefined ? null : reasoner(events, options)(found).suggestion;
}
