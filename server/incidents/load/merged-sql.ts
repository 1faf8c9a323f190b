import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { mergeSameIncidents, SAME_INCIDENT_WINDOW_MS, type IncidentRow } from "../same-incident";
import type { Scope } from "../scope";
import { ALARM_ARN, incidentScopeWhere } from "./incidents";

// The same-incident rule (server/incidents/same-incident.ts) for the aggregates computed in SQL.
// Rows of one source never merge, so a row can only be absorbed when its (account, service) or its
// alarm ARN has rows of two sources, and it has a neighbour close enough in time: a row with the same
// account and service starting within 15 minutes, or a row of the same ARN that its reach (start +
// 15 minutes, or its resolution when later) touches or whose reach touches it. Window functions
// find those candidates in one pass; every other row is an incident of its own. The candidates (a
// few percent of the rows) are merged by the very function the row-by-row loaders use, and the
// absorbed rows are left out of the aggregates. The rows read are the loader's: [from, to) and
// 15 minutes either side, with the scope's filters.

export interface Absorbed {
  /** Rows counted as part of another row's incident: left out of every aggregate. */
  ids: string[];
  /** Duplicates merged into incidents that started in [from, to) (the trend's "duplicatesMerged"). */
  merged: number;
}

const WINDOW = Prisma.raw(`interval '${SAME_INCIDENT_WINDOW_MS / 60_000} minutes'`);

export async function absorbedIncidents(scope: Scope, from: Date, to: Date): Promise<Absorbed> {
  const rows = await db.$queryRaw<IncidentRow[]>`
    WITH r AS (
      SELECT r.id, r.source, r."accountId", r.service, ${ALARM_ARN} AS "alarmArn", r."startedAt", r."resolvedAt",
             GREATEST(r."startedAt" + ${WINDOW}, COALESCE(r."resolvedAt", r."startedAt")) AS reach
        FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId}
         AND r."startedAt" >= ${new Date(from.getTime() - SAME_INCIDENT_WINDOW_MS)}
         AND r."startedAt" < ${new Date(to.getTime() + SAME_INCIDENT_WINDOW_MS)}
         ${incidentScopeWhere(scope)}
    ), flagged AS (
      SELECT r.*,
             r."accountId" IS NOT NULL AND r.service IS NOT NULL
               AND min(r.source) OVER place <> max(r.source) OVER place
               AND (r."startedAt" - lag(r."startedAt") OVER place_t <= ${WINDOW}
                    OR lead(r."startedAt") OVER place_t - r."startedAt" <= ${WINDOW}) AS near,
             r."alarmArn" IS NOT NULL
               AND min(r.source) OVER alarm <> max(r.source) OVER alarm
               AND (max(r.reach) OVER (alarm_t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= r."startedAt"
                    OR lead(r."startedAt") OVER alarm_t <= r.reach) AS reached
        FROM r
      WINDOW place AS (PARTITION BY r."accountId", r.service),
             place_t AS (PARTITION BY r."accountId", r.service ORDER BY r."startedAt"),
             alarm AS (PARTITION BY r."alarmArn"),
             alarm_t AS (PARTITION BY r."alarmArn" ORDER BY r."startedAt", r.id)
    )
    SELECT id, source, "accountId", service, "alarmArn", "startedAt", "resolvedAt" FROM flagged WHERE near OR reached`;
  const ids: string[] = [];
  let merged = 0;
  for (const { row, alsoFrom } of mergeSameIncidents(rows)) {
    for (const also of alsoFrom) ids.push(also.id);
    if (row.startedAt >= from && row.startedAt < to) merged += alsoFrom.length;
  }
  return { ids, merged };
}

/** `AND` the row is not absorbed by another (`alias`.id not among the ids). */
export const notAbsorbed = (alias: string, absorbed: Absorbed): Prisma.Sql =>
  absorbed.ids.length === 0 ? Prisma.empty : Prisma.sql`AND NOT (${Prisma.raw(`${alias}.id`)} = ANY(${absorbed.ids}::text[]))`;
