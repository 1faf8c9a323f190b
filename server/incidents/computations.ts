import type {
  Bucket,
  ChangeSuggestion,
  Comparison,
  ComparisonSide,
  DeploymentEvent,
  DoraFigure,
  DoraRow,
  DoraTable,
  DurationStats,
  ExperimentEvent,
  IncidentEvent,
  MaturityEvent,
  RatioEstimate,
  SeverityKey,
  TrendBucket,
} from "./types";

// INTERIM: plain stand-ins for server/incidents/compute/* (branch stats) with the signatures the
// service needs; replaced by calls to the real computations once they are merged.

export interface Events {
  incidents: IncidentEvent[];
  deployments: DeploymentEvent[];
  experiments: ExperimentEvent[];
  maturity: MaturityEvent[];
}

const DAY_MS = 86_400_000;
const SEVERITIES: SeverityKey[] = ["critical", "high", "medium", "low", "none", "unknown"];

export function restoreStats(incidents: IncidentEvent[], asOf: Date): DurationStats {
  const resolved = incidents
    .filter((i) => i.resolvedAt && i.resolvedAt <= asOf)
    .map((i) => (i.resolvedAt!.getTime() - i.startedAt.getTime()) / 1000)
    .sort((a, b) => a - b);
  const rank = (p: number) => resolved[Math.max(0, Math.ceil(p * resolved.length) - 1)]!;
  return {
    n: resolved.length,
    median: resolved.length ? rank(0.5) : null,
    p90: resolved.length ? rank(0.9) : null,
    open: incidents.length - resolved.length,
  };
}

function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const out: Date[] = [];
  let at =
    bucket === "month"
      ? new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1))
      : new Date(from.getTime() - ((from.getUTCDay() + 6) % 7) * DAY_MS);
  while (at < to) {
    out.push(at);
    at =
      bucket === "month" ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) : new Date(at.getTime() + 7 * DAY_MS);
  }
  return out;
}

export function buckets(ev: Events, opts: { from: Date; to: Date; bucket: Bucket; asOf: Date }): TrendBucket[] {
  const starts = bucketStarts(opts.from, opts.to, opts.bucket);
  const indexOf = (d: Date) => {
    let i = starts.length - 1;
    while (i >= 0 && starts[i]! > d) i--;
    return i;
  };
  const out = starts.map((start) => ({
    start: start.toISOString().slice(0, 10),
    label:
      opts.bucket === "month"
        ? start.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" })
        : `Week of ${start.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}`,
    list: [] as IncidentEvent[],
    incidents: { total: 0, bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<SeverityKey, number> },
    deployments: { total: 0, failed: 0, rolledBack: 0 },
    experiments: { run: 0, stopped: 0, failed: 0 },
  }));
  for (const i of ev.incidents) {
    const b = out[indexOf(i.startedAt)];
    if (!b) continue;
    b.list.push(i);
    b.incidents.total++;
    b.incidents.bySeverity[i.severityKey]++;
  }
  for (const d of ev.deployments) {
    const b = out[indexOf(d.finishedAt)];
    if (!b) continue;
    b.deployments.total++;
    if (d.status === "failed") b.deployments.failed++;
    if (d.status === "rolled_back") b.deployments.rolledBack++;
  }
  for (const x of ev.experiments) {
    const b = x.startedAt ? out[indexOf(x.startedAt)] : undefined;
    if (!b) continue;
    b.experiments.run++;
    if (x.status === "stopped") b.experiments.stopped++;
    if (x.status === "failed") b.experiments.failed++;
  }
  return out.map(({ list, ...b }) => ({ ...b, restore: restoreStats(list, opts.asOf) }));
}

const figure = (value: number | null, n: number, definition: string): DoraFigure => ({
  value,
  n,
  band: null,
  note: "Interim figure without a band.",
  definition,
  inputs: [],
});

function doraRow(scope: DoraRow["scope"], key: string, label: string, ev: Events, days: number, asOf: Date): DoraRow {
  const failed = ev.deployments.filter((d) => d.status !== "succeeded");
  const leads = ev.deployments
    .filter((d) => d.committedAt)
    .map((d) => ({
      startedAt: d.committedAt!,
      resolvedAt: d.finishedAt,
    })) as IncidentEvent[];
  const lead = restoreStats(leads, asOf);
  return {
    scope,
    key,
    label,
    deploymentFrequency: figure(
      ev.deployments.length ? ev.deployments.length / days : null,
      ev.deployments.length,
      "Deployments per day.",
    ),
    leadTime: figure(lead.median, lead.n, "Commit to production."),
    changeFailureRate: figure(
      ev.deployments.length ? failed.length / ev.deployments.length : null,
      ev.deployments.length,
      "Failed ÷ deployments.",
    ),
    recoveryTime: figure(restoreStats(ev.incidents, asOf).median, ev.incidents.length, "Incident start to resolved."),
  };
}

export function dora(
  ev: Events,
  opts: { from: Date; to: Date; failureWindowHours: number; asOf: Date; ouOf: (accountId: string) => string | null },
): DoraTable {
  const days = Math.max(1, (Math.min(opts.to.getTime(), opts.asOf.getTime()) - opts.from.getTime()) / DAY_MS);
  const group = (key: (x: { accountId: string | null; service?: string | null }) => string | null, scope: DoraRow["scope"]) => {
    const keys = new Set([...ev.incidents, ...ev.deployments].map(key).filter((k): k is string => k !== null));
    return [...keys]
      .sort()
      .map((k) =>
        doraRow(
          scope,
          k,
          k,
          { ...ev, incidents: ev.incidents.filter((i) => key(i) === k), deployments: ev.deployments.filter((d) => key(d) === k) },
          days,
          opts.asOf,
        ),
      );
  };
  return {
    workspace: doraRow("workspace", "workspace", "Workspace", ev, days, opts.asOf),
    byOu: group((x) => (x.accountId ? opts.ouOf(x.accountId) : null), "ou"),
    byAccount: group((x) => x.accountId, "account"),
    byService: group((x) => x.service ?? null, "service"),
    failureWindowHours: opts.failureWindowHours,
    bands: { year: 2024, source: "DORA 2024 Accelerate State of DevOps report" },
  };
}

export function suggestions(ev: Events): ChangeSuggestion[] {
  const out: ChangeSuggestion[] = [];
  const seenAllAtOnce = new Set<string>();
  const arrived = new Set<string>();
  for (const d of ev.deployments) {
    const gradual = /Canary|Linear/.test(d.deploymentConfig ?? "");
    if (!gradual) seenAllAtOnce.add(d.group);
    else if (seenAllAtOnce.has(d.group) && !arrived.has(d.group)) {
      arrived.add(d.group);
      const at = d.finishedAt.toISOString();
      out.push({
        id: `canary:${d.group}:${at}`,
        kind: "canary",
        at,
        title: `Canary deployments on ${d.group}`,
        accountId: d.accountId,
        service: d.service,
        reason: "",
      });
    }
  }
  for (const m of ev.maturity.filter((x) => x.to > x.from)) {
    const at = m.at.toISOString();
    out.push({
      id: `maturity:${m.id}`,
      kind: "maturity",
      at,
      title: `${m.practiceName} reached level ${m.to}`,
      accountId: m.accountId,
      service: null,
      reason: "",
    });
  }
  return out;
}

export function findChange(id: string, ev: Events): ChangeSuggestion | null {
  return suggestions(ev).find((s) => s.id === id) ?? null;
}

const unknown = (method: string): RatioEstimate => ({ ratio: null, low: null, high: null, method, verdict: "too-few" });

export function comparison(change: ChangeSuggestion, ev: Events, opts: { windowDays: number; asOf: Date }): Comparison {
  const at = new Date(change.at).getTime();
  const inScope = (x: { accountId: string | null; service?: string | null }) =>
    (!change.accountId || x.accountId === change.accountId) && (!change.service || x.service === change.service);
  const side = (from: number, to: number): ComparisonSide => {
    const deployments = ev.deployments.filter((d) => inScope(d) && d.finishedAt.getTime() >= from && d.finishedAt.getTime() < to);
    const incidents = ev.incidents.filter((i) => inScope(i) && i.startedAt.getTime() >= from && i.startedAt.getTime() < to);
    const failed = deployments.filter((d) => d.status !== "succeeded").length;
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      deployments: deployments.length,
      incidents: incidents.length,
      incidentsPer100Deployments: deployments.length ? (100 * incidents.length) / deployments.length : null,
      failedDeployments: failed,
      changeFailureRate: deployments.length ? failed / deployments.length : null,
      restore: restoreStats(incidents, opts.asOf),
    };
  };
  const span = opts.windowDays * DAY_MS;
  const before = side(at - span, at);
  const after = side(at, Math.min(at + span, opts.asOf.getTime()));
  return {
    change,
    windowDays: opts.windowDays,
    before,
    after,
    incidentRate: unknown("interim"),
    changeFailureRate: unknown("interim"),
    restore: unknown("interim"),
    summary: `${before.incidents} incidents in ${before.deployments} deployments before, ${after.incidents} in ${after.deployments} after.`,
  };
}
