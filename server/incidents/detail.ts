import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { deploymentView, loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { INCIDENT_COLUMNS, incidentView, type LoadedIncident, type StoredIncident } from "./load/incidents";
import { mergeSameIncidents } from "./same-incident";
import { resolveScope } from "./scope";
import { severityKeyOf } from "./severity";
import type { IncidentDetail, TimelineEntry } from "./types";

// One incident: the row asked for, shown as the incident it is counted as (the earliest-started row
// of the rows that are one incident), with every source's timeline, the deployments on its account
// and service in the 24 hours before it started, and the chaos experiments running when it started.

const DAY_MS = 86_400_000;
const BEFORE_MS = DAY_MS;
// Rows that can be the same incident start within this of each other (an alarm episode lasts less).
const NEIGHBOURS_MS = 7 * DAY_MS;

interface TimelineRow extends StoredIncident {
  timeline: unknown;
}

const isEntry = (e: unknown): e is TimelineEntry =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as TimelineEntry).at === "string" &&
  typeof (e as TimelineEntry).text === "string";

function timelineOf(rows: TimelineRow[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const row of rows) {
    const stored = Array.isArray(row.timeline) ? row.timeline.filter(isEntry) : [];
    if (stored.length) {
      entries.push(...stored.map((e) => ({ at: e.at, type: e.type ?? "note", text: e.text })));
      continue;
    }
    entries.push({ at: row.startedAt.toISOString(), type: "started", text: `${row.title} (${row.source})` });
    if (row.acknowledgedAt)
      entries.push({ at: row.acknowledgedAt.toISOString(), type: "acknowledged", text: `Acknowledged (${row.source})` });
    if (row.resolvedAt) entries.push({ at: row.resolvedAt.toISOString(), type: "resolved", text: `Resolved (${row.source})` });
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export async function incidentDetail(opts: { workspaceId: string; incidentId: string; now?: Date }): Promise<IncidentDetail> {
  const asked = await db.incident.findFirst({
    where: { id: opts.incidentId, workspaceId: opts.workspaceId },
    select: { startedAt: true },
  });
  if (!asked) throw notFound("That incident");
  const near = await db.$queryRaw<TimelineRow[]>`
    SELECT ${INCIDENT_COLUMNS}, r.timeline FROM "Incident" r
     WHERE r."workspaceId" = ${opts.workspaceId}
       AND r."startedAt" >= ${new Date(asked.startedAt.getTime() - NEIGHBOURS_MS)}
       AND r."startedAt" <= ${new Date(asked.startedAt.getTime() + NEIGHBOURS_MS)}`;
  const group = mergeSameIncidents(near).find(
    (g) => g.row.id === opts.incidentId || g.alsoFrom.some((r) => r.id === opts.incidentId),
  )!;
  const row = group.row;
  const scope = await resolveScope(opts.workspaceId, {}, opts.now ?? new Date());
  const loaded: LoadedIncident = {
    row,
    event: {
      id: row.id,
      source: row.source,
      alsoFrom: group.alsoFrom.map((r) => ({ id: r.id, source: r.source })),
      accountId: row.accountId,
      service: row.service,
      environment: row.environment ?? (row.accountId ? (scope.directory.accounts.get(row.accountId)?.environment ?? null) : null),
      severityKey: severityKeyOf(row.severityRank, row.severity),
      startedAt: row.startedAt,
      resolvedAt: row.resolvedAt,
    },
  };
  const start = row.startedAt;
  const [deployments, experiments] = await Promise.all([
    row.accountId && row.service
      ? loadDeployments(scope, {
          from: new Date(start.getTime() - BEFORE_MS),
          to: start,
          accountId: row.accountId,
          service: row.service,
        })
      : Promise.resolve([]),
    row.accountId
      ? loadExperiments(scope, { from: start, to: start, accountId: row.accountId, inFlightAt: start })
      : Promise.resolve([]),
  ]);
  return {
    incident: incidentView(scope, loaded),
    timeline: timelineOf([row, ...group.alsoFrom] as TimelineRow[]),
    deploymentsBefore: deployments.reverse().map(deploymentView),
    experimentsInFlight: experiments.map((x) => ({
      id: x.id,
      experimentId: x.experimentId,
      accountId: x.accountId,
      templateId: x.templateId,
      status: x.status,
      startedAt: x.startedAt?.toISOString() ?? null,
      endedAt: x.endedAt?.toISOString() ?? null,
    })),
    origin: { source: row.source, key: row.externalKey, alarmArn: row.alarmArn, uploadId: row.uploadId, url: row.url },
  };
}
