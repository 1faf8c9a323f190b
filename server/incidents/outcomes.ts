import { db } from "~/server/db";
import { failedOf } from "./compute/dora";
import { failureHorizon } from "./dora-table";
import { resolveScope } from "./scope";
import { doraCounts } from "./sql/dora";
import { incidentTrend } from "./sql/trend";
import type { IncidentOutcomes } from "./types";

// The overview's Outcomes tile: incidents in the last 30 UTC days (today included) against the 30
// before, the median time to restore and the change failure rate of the last 30 days, each with
// its counts. The same SQL aggregates as the Incidents page (incidents counted once, the DORA
// table's attribution), over two small ranges instead of two whole overviews. Missing data is null.

const DAY_MS = 86_400_000;
const DAYS = 30;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function incidentOutcomes({
  workspaceId,
  now = new Date(),
}: {
  workspaceId: string;
  now?: Date;
}): Promise<IncidentOutcomes> {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  const [recentFrom, previousFrom] = [new Date(tomorrow - DAYS * DAY_MS), new Date(tomorrow - 2 * DAYS * DAY_MS)];
  const recent = await resolveScope(workspaceId, { from: isoDay(recentFrom), to: isoDay(new Date(tomorrow)) }, now);
  const previous = { ...recent, from: previousFrom, to: recentFrom };
  const [recentIncidents, previousIncidents, counts, anyIncident] = await Promise.all([
    incidentTrend(recent, now),
    incidentTrend(previous, now),
    doraCounts(recent, failureHorizon(recent), now),
    db.incident.findFirst({ where: { workspaceId }, select: { id: true } }),
  ]);
  const { deployments } = counts.workspace;
  const failed = failedOf(counts.workspace);
  return {
    recent: { from: isoDay(recentFrom), to: isoDay(new Date(tomorrow)) },
    previous: { from: isoDay(previousFrom), to: isoDay(recentFrom) },
    incidents: anyIncident ? { recent: recentIncidents.total, previous: previousIncidents.total } : null,
    restore: recentIncidents.restore,
    changeFailureRate: {
      value: deployments > 0 ? failed / deployments : null,
      failed,
      deployments,
      failureWindowHours: recent.filters.failureWindowHours,
    },
  };
}
