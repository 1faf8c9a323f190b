import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { mergeSameIncidents, SAME_INCIDENT_WINDOW_MS, type IncidentRow } from "../same-incident";
import type { Scope } from "../scope";
import { ALARM_ARN, incidentScopeWhere } from "./incidents";

// The same-incident rule (server/incidents/same-incident.ts) for the aggregates computed in SQL.
// Rows of one source never merge, so a row can only be absorbed or absorb another when it has a
// partner of another source: a row with the same account and service starting within 15 minutes,
// or a row of the same ARN that its reach (start + 15 minutes, or its resolution when later)
// touches or whose reach touches it. One query finds those candidates; every other row is an
// incident of its own. The candidates (a few percent of the rows) are merged by the very function
// the row-by-row loaders use, and the absorbed rows are left out of the aggregates. Whether two rows
// unite depends on the two rows alone, so merging the candidates unites exactly what merging every
// row would. The rows read are the loader's: [from, to) and 15 minutes either side, with the
// scope's filters.

export interface Absorbed {
  /** Rows counted as part of another row's incident: left out of every aggregate. */
  ids: string[];
  /** Duplicates merged into incidents that started in [from, to) (the trend's "duplicatesMerged"). */
  merged: number;
}

const WINDOW = Prisma.raw(`interval '${SAME_INCIDENT_WINDOW_MS / 60_000} minutes'`);

export async function absorbedIncidents(scope: Scope, from: Date, to: Date): Promise<Absorbed> {
  // The planner cannot see the CTE's rows and would merge-join them after sorting: hash joins, in memory.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
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
  const seconds = SAME_INCIDENT_WINDOW_MS / 1000;
  // (a) Same account and service, another source, within 15 minutes: exactly the pairs rule (b) of
  // same-incident.ts unites, found by hash joins on 15-minute slots (a partner starts in the row's
  // slot or the next one, or the row in its partner's next one), no sort. (b) Same ARN: only ARNs
  // with rows of two sources can merge; their rows are ordered and flagged when a neighbour's reach
  // touches them or theirs touches a neighbour.
  return Prisma.sql`
    WITH r AS MATERIALIZED (
      SELECT r.id, r.source, r."accountId", r.service, ${ALARM_ARN} AS "alarmArn", r."startedAt", r."resolvedAt",
             floor(EXTRACT(EPOCH FROM r."startedAt") / ${seconds})::bigint AS slot
        FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId}
         AND r."startedAt" >= ${new Date(from.getTime() - SAME_INCIDENT_WINDOW_MS)}
         AND r."startedAt" < ${new Date(to.getTime() + SAME_INCIDENT_WINDOW_MS)}
         ${incidentScopeWhere(scope)}
    ), near AS (
      SELECT a.id, b.id AS partner
        FROM r a JOIN r b ON b."accountId" = a."accountId" AND b.service = a.service AND b.slot = a.slot
       WHERE b.source <> a.source
      UNION ALL
      SELECT a.id, b.id
        FROM r a JOIN r b ON b."accountId" = a."accountId" AND b.service = a.service AND b.slot = a.slot + 1
       WHERE b.source <> a.source AND b."startedAt" - a."startedAt" <= ${WINDOW}
    ), reached AS (
      SELECT x.id,
             max(x.reach) OVER (alarm_t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= x."startedAt"
               OR lead(x."startedAt") OVER alarm_t <= x.reach AS touched
        FROM (SELECT r.*, GREATEST(r."startedAt" + ${WINDOW}, COALESCE(r."resolvedAt", r."startedAt")) AS reach
                FROM r
               WHERE r."alarmArn" IN (SELECT "alarmArn" FROM r WHERE "alarmArn" IS NOT NULL
                                       GROUP BY 1 HAVING min(source) <> max(source))) x
      WINDOW alarm_t AS (PARTITION BY x."alarmArn" ORDER BY x."startedAt")
    )
    SELECT r.id, r.source, r."accountId", r.service, r."alarmArn", r."startedAt", r."resolvedAt"
      FROM r
     WHERE r.id IN (SELECT id FROM near UNION SELECT partner FROM near) OR r.id IN (SELECT id FROM reached WHERE touched)`;
}

/** `AND` the row is not absorbed by another (`alias`.id not among the ids). */
export const notAbsorbed = (alias: string, absorbed: Absorbed): Prisma.Sql =>
  absorbed.ids.length === 0 ? Prisma.empty : Prisma.sql`AND NOT (${Prisma.raw(`${alias}.id`)} = ANY(${absorbed.ids}::text[]))`;
