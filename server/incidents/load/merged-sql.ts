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
// 15 minutes either side, with the scope's filters; the candidates carry their columns out of the
// window pass (no second read of the table).

export interface Absorbed {
  /** Rows counted as part of another row's incident: left out of every aggregate. */
  ids: string[];
  /** Duplicates merged into incidents that started in [from, to) (the trend's "duplicatesMerged"). */
  merged: number;
}

const WINDOW = Prisma.raw(`interval '${SAME_INCIDENT_WINDOW_MS / 60_000} minutes'`);

export async function absorbedIncidents(scope: Scope, from: Date, to: Date): Promise<Absorbed> {
  // Two sorts of a year's rows (by place, by alarm): in memory, not spilled to disk at the default 4 MB.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    return tx.$queryRaw<IncidentRow[]>(candidatesSql(scope, from, to));
  });
  const ids: string[] = [];
  let merged = 0;
  for (const { row, alsoFrom } of mergeSameIncidents(rows)) {
    for (const also of alsoFrom) ids.push(also.id);
    if (row.startedAt >= from && row.startedAt < to) merged += alsoFrom.length;
  }
  return { ids, merged };
}

/** The rows that may be absorbed or absorb another: the same incident's candidates. */
export function candidatesSql(scope: Scope, from: Date, to: Date): Prisma.Sql {
  // Sorted on integers: the partitions are hashes of (account, service) and of the ARN. A collision
  // only adds candidates (the merge itself compares the values), never loses one.
  return Prisma.sql`
    WITH r AS (
      SELECT r.id, r.source, r."accountId", r.service, ${ALARM_ARN} AS "alarmArn", r."startedAt", r."resolvedAt",
             CASE WHEN r."accountId" IS NOT NULL AND r.service IS NOT NULL THEN hashtext(r."accountId" || '/' || r.service) END AS place,
             GREATEST(r."startedAt" + ${WINDOW}, COALESCE(r."resolvedAt", r."startedAt")) AS reach
        FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId}
         AND r."startedAt" >= ${new Date(from.getTime() - SAME_INCIDENT_WINDOW_MS)}
         AND r."startedAt" < ${new Date(to.getTime() + SAME_INCIDENT_WINDOW_MS)}
         ${incidentScopeWhere(scope)}
    ), flagged AS (
      SELECT r.*,
             r.place IS NOT NULL
               AND min(r.source) OVER place <> max(r.source) OVER place
               AND (r."startedAt" - lag(r."startedAt") OVER place_t <= ${WINDOW}
                    OR lead(r."startedAt") OVER place_t - r."startedAt" <= ${WINDOW}) AS near,
             r."alarmArn" IS NOT NULL
               AND min(r.source) OVER alarm <> max(r.source) OVER alarm
               AND (max(r.reach) OVER (alarm_t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= r."startedAt"
                    OR lead(r."startedAt") OVER alarm_t <= r.reach) AS reached
        FROM r
      WINDOW place AS (PARTITION BY r.place),
             place_t AS (PARTITION BY r.place ORDER BY r."startedAt"),
             alarm AS (PARTITION BY hashtext(r."alarmArn")),
             alarm_t AS (PARTITION BY hashtext(r."alarmArn") ORDER BY r."startedAt")
    )
    SELECT f.id, f.source, f."accountId", f.service, f."alarmArn", f."startedAt", f."resolvedAt"
      FROM flagged f
     WHERE f.near OR f.reached`;
}

/** `AND` the row is not absorbed by another (`alias`.id not among the ids). */
export const notAbsorbed = (alias: string, absorbed: Absorbed): Prisma.Sql =>
  absorbed.ids.length === 0 ? Prisma.empty : Prisma.sql`AND NOT (${Prisma.raw(`${alias}.id`)} = ANY(${absorbed.ids}::text[]))`;
