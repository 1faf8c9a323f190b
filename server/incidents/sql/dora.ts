import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { emptyDoraCounts, type DoraCounts, type DoraTableCounts } from "../compute/dora";
import { deploymentsRelation } from "../load/deployment-sql";
import { incidentScopeWhere } from "../load/incidents";
import type { Scope } from "../scope";

// The DORA table's counts in SQL, mirroring compute/failures.ts and compute/dora.ts (the reference,
// tested against this on the same rows):
// - production: the row's own environment, else its account's (the directory, passed as a list);
// - deployments and incidents (counted once: rows merged into another are left out, merge-store.ts) form one stream per service,
//   ordered by time with deployments before incidents at the same instant, as `≤` in failures.ts.
//   Running counts number the deployments (per service, and per service among those without an
//   account), so each incident points at the latest deployment of its account's lane, of the lane
//   without an account, or (an incident without an account) of any lane: the latest of them wins,
//   its account's lane on a tie, when it finished within the failure window before the start;
// - each deployment keeps the earliest-started incident pointing at it (ties: the lower id);
// - counts per (OU, account, service) roll up by GROUPING SETS; medians and p90s are
//   percentile_cont, the type-7 percentile of compute/stats.ts, over the rows that have a value.

interface Row {
  grouping: number;
  ou: string | null;
  accountId: string | null;
  service: string | null;
  deployments: number;
  withoutCommit: number;
  nonPositive: number;
  leadN: number;
  leadMedian: number | null;
  leadP90: number | null;
  rolledBack: number;
  failedStatus: number;
  followedByIncident: number;
  recoveryN: number;
  recoveryMedian: number | null;
  recoveryP90: number | null;
  recoveryOpen: number;
  untimed: number;
}

const SET_OU = 3;
const SET_ACCOUNT = 5;
const SET_SERVICE = 6;

const epoch = (later: string, earlier: string) => Prisma.raw(`EXTRACT(EPOCH FROM ${later} - ${earlier})::float8`);

/** Counts of the DORA table over production deployments finished in [scope.from, min(scope.to, asOf)). */
export async function doraCounts(scope: Scope, horizon: Date, asOf: Date): Promise<DoraTableCounts> {
  // The window passes hide the row counts from the planner, which then joins half a million
  // deployments to their incidents by a merge or nested loop on the service alone: hash joins it is.
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
      await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
      return tx.$queryRaw<Row[]>(doraCountsSql(scope, horizon, asOf));
    },
    { timeout: 10 * 60_000 },
  );
  const table: DoraTableCounts = { workspace: emptyDoraCounts(), byOu: new Map(), byAccount: new Map(), byService: new Map() };
  for (const r of rows) {
    const counts = countsOf(r);
    if (r.grouping === SET_OU && r.ou !== null) table.byOu.set(r.ou, counts);
    else if (r.grouping === SET_ACCOUNT && r.accountId !== null) table.byAccount.set(r.accountId, counts);
    else if (r.grouping === SET_SERVICE && r.service !== null) table.byService.set(r.service, counts);
    else if (r.grouping === 7) table.workspace = counts;
  }
  return table;
}

/** The query: one row per grouping set's key (see `Row`). */
export function doraCountsSql(scope: Scope, horizon: Date, asOf: Date): Prisma.Sql {
  const accounts = [...scope.directory.accounts.values()];
  const prod = accounts.filter((a) => a.environment === "prod").map((a) => a.accountId);
  const withOu = accounts.filter((a) => a.ouPath !== null);
  const end = scope.to < asOf ? scope.to : asOf;
  const hours = scope.filters.failureWindowHours;
  const W = Prisma.sql`(${hours}::float8 * interval '1 hour')`;
  return Prisma.sql`
    WITH dep AS (
      SELECT d.id, d."accountId", d.service, d.status, d."finishedAt", d."committedAt"
        FROM ${deploymentsRelation(scope, scope)} d
       WHERE d.environment = 'prod' OR (d.environment IS NULL AND d."accountId" = ANY(${prod}::text[]))
    ), inc AS (
      SELECT r.id, r."accountId", r.service, r."startedAt", r."resolvedAt"
        FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId} AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${horizon}
         AND r.service IS NOT NULL
         AND (r.environment = 'prod' OR (r.environment IS NULL AND r."accountId" = ANY(${prod}::text[])))
         AND r."mergedInto" IS NULL ${incidentScopeWhere(scope)}
    ), ev AS (
      SELECT service, "accountId", "finishedAt" AS t, 0 AS kind, id, status, "committedAt", NULL::timestamp AS resolved FROM dep
      UNION ALL
      SELECT service, "accountId", "startedAt", 1, id, NULL, NULL, "resolvedAt" FROM inc
    ), by_service AS (
      SELECT ev.*,
             count(*) FILTER (WHERE kind = 0) OVER svc AS svc_k,
             max(t) FILTER (WHERE kind = 0) OVER svc AS svc_t,
             count(*) FILTER (WHERE kind = 0 AND "accountId" IS NULL) OVER svc AS bare_k,
             max(t) FILTER (WHERE kind = 0 AND "accountId" IS NULL) OVER svc AS bare_t
        FROM ev
      WINDOW svc AS (PARTITION BY service ORDER BY t, kind, id COLLATE "C" ROWS UNBOUNDED PRECEDING)
    ), by_lane AS (
      SELECT b.*,
             max(svc_k) FILTER (WHERE kind = 0) OVER lane AS lane_k,
             max(t) FILTER (WHERE kind = 0) OVER lane AS lane_t
        FROM by_service b
      WINDOW lane AS (PARTITION BY service, "accountId" ORDER BY t, kind, id COLLATE "C" ROWS UNBOUNDED PRECEDING)
    ), blame AS (
      SELECT service, id, t, resolved,
             CASE WHEN "accountId" IS NULL THEN CASE WHEN svc_t >= t - ${W} THEN svc_k END
                  WHEN lane_t >= t - ${W} AND (bare_t IS NULL OR bare_t < t - ${W} OR lane_t >= bare_t) THEN lane_k END AS by_service,
             CASE WHEN "accountId" IS NOT NULL AND bare_t >= t - ${W} AND (lane_t IS NULL OR lane_t < t - ${W} OR bare_t > lane_t)
                  THEN bare_k END AS by_bare
        FROM by_lane WHERE kind = 1
    ), first_by_service AS (
      SELECT DISTINCT ON (service, by_service) service, by_service AS k, t, id, resolved
        FROM blame WHERE by_service IS NOT NULL ORDER BY service, by_service, t, id COLLATE "C"
    ), first_by_bare AS (
      SELECT DISTINCT ON (service, by_bare) service, by_bare AS k, t, id, resolved
        FROM blame WHERE by_bare IS NOT NULL ORDER BY service, by_bare, t, id COLLATE "C"
    ), blamed AS (
      SELECT d."accountId", d.service, d.status, d.t, d."committedAt",
             f1.id IS NOT NULL OR f2.id IS NOT NULL AS "hasIncident",
             CASE WHEN f2.id IS NULL OR (f1.id IS NOT NULL AND (f1.t < f2.t OR (f1.t = f2.t AND f1.id COLLATE "C" < f2.id COLLATE "C")))
                  THEN f1.resolved ELSE f2.resolved END AS resolved
        FROM by_lane d
        LEFT JOIN first_by_service f1 ON f1.service = d.service AND f1.k = d.svc_k
        LEFT JOIN first_by_bare f2 ON d."accountId" IS NULL AND f2.service = d.service AND f2.k = d.bare_k
       WHERE d.kind = 0 AND d.t >= ${scope.from} AND d.t < ${end}
    ), x AS (
      SELECT o.ou, b."accountId", b.service, b.status, b."committedAt", b."hasIncident",
             CASE WHEN b."committedAt" IS NOT NULL THEN ${epoch(`b.t`, `b."committedAt"`)} END AS lead,
             CASE WHEN b."hasIncident" AND b.resolved <= ${asOf} THEN GREATEST(0, ${epoch(`b.resolved`, `b.t`)}) END AS recovery,
             b."hasIncident" AND (b.resolved IS NULL OR b.resolved > ${asOf}) AS open
        FROM blamed b
        LEFT JOIN unnest(${withOu.map((a) => a.accountId)}::text[], ${withOu.map((a) => a.ouPath)}::text[]) AS o(account, ou)
               ON o.account = b."accountId"
    ), per AS (
      SELECT ou, "accountId", service, count(*) AS deployments,
             count(*) FILTER (WHERE "committedAt" IS NULL) AS "withoutCommit",
             count(*) FILTER (WHERE lead <= 0) AS "nonPositive",
             count(*) FILTER (WHERE lead > 0) AS "leadN",
             count(*) FILTER (WHERE status = 'rolled_back') AS "rolledBack",
             count(*) FILTER (WHERE status = 'failed') AS "failedStatus",
             count(*) FILTER (WHERE status NOT IN ('rolled_back', 'failed') AND "hasIncident") AS "followedByIncident",
             count(recovery) AS "recoveryN",
             count(*) FILTER (WHERE open) AS "recoveryOpen",
             count(*) FILTER (WHERE status IN ('rolled_back', 'failed') AND NOT "hasIncident") AS untimed
        FROM x GROUP BY ou, "accountId", service
    ), counts AS (
      SELECT GROUPING(ou, "accountId", service)::int AS grouping, ou, "accountId", service,
             COALESCE(sum(deployments), 0)::int AS deployments, COALESCE(sum("withoutCommit"), 0)::int AS "withoutCommit",
             COALESCE(sum("nonPositive"), 0)::int AS "nonPositive", COALESCE(sum("leadN"), 0)::int AS "leadN", COALESCE(sum("rolledBack"), 0)::int AS "rolledBack",
             COALESCE(sum("failedStatus"), 0)::int AS "failedStatus", COALESCE(sum("followedByIncident"), 0)::int AS "followedByIncident",
             COALESCE(sum("recoveryN"), 0)::int AS "recoveryN", COALESCE(sum("recoveryOpen"), 0)::int AS "recoveryOpen", COALESCE(sum(untimed), 0)::int AS untimed
        FROM per GROUP BY GROUPING SETS ((ou), ("accountId"), (service), ())
    ), percentiles AS (
      SELECT GROUPING(ou, "accountId", service)::int AS grouping, ou, "accountId", service,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN lead > 0 THEN lead END) AS "leadMedian",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY CASE WHEN lead > 0 THEN lead END) AS "leadP90",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY recovery) AS "recoveryMedian",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY recovery) AS "recoveryP90"
        FROM x WHERE lead > 0 OR recovery IS NOT NULL
       GROUP BY GROUPING SETS ((ou), ("accountId"), (service), ())
    )
    SELECT c.*, p."leadMedian", p."leadP90", p."recoveryMedian", p."recoveryP90"
      FROM counts c
      LEFT JOIN percentiles p ON p.grouping = c.grouping AND p.ou IS NOT DISTINCT FROM c.ou
           AND p."accountId" IS NOT DISTINCT FROM c."accountId" AND p.service IS NOT DISTINCT FROM c.service`;
}

const countsOf = (r: Row): DoraCounts => ({
  deployments: r.deployments,
  lead: { n: r.leadN, median: r.leadMedian ?? null, p90: r.leadP90 ?? null, open: 0 },
  withoutCommit: r.withoutCommit,
  nonPositiveLeadTimes: r.nonPositive,
  rolledBack: r.rolledBack,
  failedStatus: r.failedStatus,
  followedByIncident: r.followedByIncident,
  recovery: { n: r.recoveryN, median: r.recoveryMedian ?? null, p90: r.recoveryP90 ?? null, open: r.recoveryOpen },
  untimedFailures: r.untimed,
});
