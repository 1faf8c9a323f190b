import { Prisma } from "~/generated/prisma/client";

// When a sync last confirmed a row. Upserts leave unchanged rows alone, so a row's lastSeenRunId
// names the run that last wrote it; the runs that fetched its scope completely since then are in
// ScopeFetch (server/ingest/stale-rows.ts), and every row still there after such a fetch was seen
// by it. A row was therefore last confirmed by the later of the two.

interface FetchedScope {
  owner: "awsAccountRef" | "organizationRefId";
  // The scope's other columns, in column-name order, as the ingestion records them.
  detail: string[];
  // How a row's scope is found: the whole table for its owner and detail, a day of a ranged
  // scope (the cost tables), or a time within one (Incident Manager's window).
  range?: { column: string; kind: "day" | "time" };
}

const regional: FetchedScope = { owner: "awsAccountRef", detail: ["region"] };
const whole = (owner: FetchedScope["owner"]): FetchedScope => ({ owner, detail: [] });
const daily: FetchedScope = { owner: "awsAccountRef", detail: [], range: { column: "day", kind: "day" } };

/** How the ingestion scopes each table it cleans (the runners' deleteUnseen calls). */
export const FETCHED_SCOPES: Record<string, FetchedScope> = {
  EcrRegistryScanning: regional,
  EcrRepository: regional,
  EcrImage: regional,
  EcrFinding: regional,
  FisTemplate: regional,
  FisExperiment: regional,
  CloudWatchAlarm: regional,
  DeploymentGroup: regional,
  Deployment: regional,
  XraySamplingRule: regional,
  EksCluster: regional,
  EksAddon: regional,
  InspectorFinding: whole("awsAccountRef"),
  AwsTrail: whole("awsAccountRef"),
  SavingsPlanRecommendation: whole("awsAccountRef"),
  Commitment: { owner: "awsAccountRef", detail: ["kind"] },
  Incident: { owner: "awsAccountRef", detail: ["source"], range: { column: "startedAt", kind: "time" } },
  OrgUnit: whole("organizationRefId"),
  OrgMember: whole("organizationRefId"),
  Scp: whole("organizationRefId"),
  DelegatedAdmin: whole("organizationRefId"),
  CostDaily: daily,
  Ec2CostDaily: daily,
  NodePoolCostDaily: daily,
  CommitmentDaily: daily,
};

const runAt = Prisma.sql`COALESCE(s."finishedAt", s."startedAt", s."createdAt")`;

function columnsOf(spec: FetchedScope, alias: string) {
  const a = (column: string) => Prisma.raw(`${alias}."${column}"`);
  return {
    owner: a(spec.owner),
    detail: spec.detail.length ? Prisma.sql`concat_ws('|', ${Prisma.join(spec.detail.map(a))})` : Prisma.sql`''`,
    range: spec.range && a(spec.range.column),
  };
}

/**
 * A join that gives `fetched.at`, when a complete fetch of the row's scope last confirmed it
 * (NULL when none did), for rows of `table` under `alias`. Whole-table and daily scopes are
 * joined by hash; others are looked up row by row.
 */
export function fetchedJoin(table: string, alias: string, workspaceId: string): Prisma.Sql {
  const spec = FETCHED_SCOPES[table];
  if (!spec) return Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::timestamp AS at) fetched ON true`;
  const { owner, detail } = columnsOf(spec, alias);
  const scopes = Prisma.sql`"ScopeFetch" f JOIN "SyncRun" s ON s.id = f."runId" AND s."workspaceId" = ${workspaceId}`;
  if (!spec.range) {
    return Prisma.sql`LEFT JOIN (SELECT f."ownerRef", f.detail, max(${runAt}) AS at FROM ${scopes}
        WHERE f."tableName" = ${table} GROUP BY f."ownerRef", f.detail) fetched
      ON fetched."ownerRef" = ${owner} AND fetched.detail = ${detail}`;
  }
  if (spec.range.kind === "day") {
    // A ranged scope's days, each with the latest fetch that covered it: a few hundred per payer.
    return Prisma.sql`LEFT JOIN (SELECT f."ownerRef", f.detail, d.day::date AS day, max(${runAt}) AS at FROM ${scopes}
        CROSS JOIN LATERAL generate_series(GREATEST(f."fromDay", DATE '2000-01-01'),
                                           LEAST(f."toDay", (now() + interval '2 days')::date) - 1, interval '1 day') AS d(day)
        WHERE f."tableName" = ${table} GROUP BY 1, 2, 3) fetched
      ON fetched."ownerRef" = ${owner} AND fetched.detail = ${detail} AND fetched.day = ${Prisma.raw(`${alias}."${spec.range.column}"`)}`;
  }
  return Prisma.sql`LEFT JOIN LATERAL (SELECT ${fetchedAtOf(table, alias, workspaceId)} AS at) fetched ON true`;
}

/** The same as a scalar subquery, for a few rows of any kind (the evidence drawer). */
export function fetchedAtOf(table: string, alias: string, workspaceId: string): Prisma.Sql {
  const spec = FETCHED_SCOPES[table];
  if (!spec) return Prisma.sql`NULL::timestamp`;
  const { owner, detail, range } = columnsOf(spec, alias);
  const within = range ? Prisma.sql`AND ${range} >= f."fromDay" AND ${range} < f."toDay"` : Prisma.empty;
  return Prisma.sql`(SELECT max(${runAt}) FROM "ScopeFetch" f JOIN "SyncRun" s ON s.id = f."runId" AND s."workspaceId" = ${workspaceId}
      WHERE f."tableName" = ${table} AND f."ownerRef" = ${owner} AND f.detail = ${detail} ${within})`;
}
