import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { deploymentView, loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { INCIDENT_COLUMNS, incidentView, toLoaded, type StoredIncident } from "./load/incidents";
import { resolveScope } from "./scope";
import type { IncidentDetail, TimelineEntry } from "./types";

// One incident: the row asked for, shown as the incident it is counted as (its first row and the rows
// merged into it, server/incidents/merge-store.ts), with every source's timeline, the deployments on its account
// and service in the 24 hours before it started, and the chaos experiments running when it started.

const DAY_MS = 86_400_000;
const BEFORE_MS = DAY_MS;

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
    select: { id: true, mergedInto: true },
  });
  if (!asked) throw notFound("That incident");
  const first = asked.mergedInto ?? asked.id;
  const group = await db.$queryRaw<TimelineRow[]>`
    SELECT ${INCIDENT_COLUMNS}, r.timeline FROM "Incident" r
     WHERE r."workspaceId" = ${opts.workspaceId} AND (r.id = ${first} OR r."mergedInto" = ${first})
     ORDER BY r."startedAt", r.id`;
  const row = group.find((r) => r.id === first)!;
  const alsoFrom = group.filter((r) => r.id !== first);
  const scope = await resolveScope(opts.workspaceId, {}, opts.now ?? new Date());
  const loaded = toLoaded(scope, row, alsoFrom);
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
    timeline: timelineOf(group),
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
