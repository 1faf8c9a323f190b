import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { PROGRESSIVE } from "../compute/suggestions";
import { deploymentsRelation } from "../load/deployment-sql";
import { toLoadedDeployment, type DeploymentRow, type LoadedDeployment } from "../load/deployments";
import { incidentScopeWhere } from "../load/incidents";
import type { Scope } from "../scope";
import type { ChangeSuggestion } from "../types";

// What the Incidents page needs of a year of deployments and incidents besides the trend and the
// DORA table, read in SQL so that no year of events reaches this process: the canary arrivals
// (compute/suggestions.ts), the production incidents around each suggested change, the newest
// failed deployments for the overlays (annotations.ts) and the sources behind the view (events.ts).
// `incidentsOverviewByEvents` (overview.ts) computes the same from the events and is the reference
// these are tested against (sql-path.test.ts).

const DAY_MS = 86_400_000;

/** The accounts whose environment is production: rows without their own environment take theirs. */
const productionAccounts = (scope: Scope) =>
  [...scope.directory.accounts.values()].filter((a) => a.environment === "prod").map((a) => a.accountId);

/** Production, as productionPredicate (compute/failures.ts) says, for a relation's columns. */
const isProductionSql = (scope: Scope, alias: string) =>
  Prisma.sql`(${Prisma.raw(alias)}.environment = 'prod' OR (${Prisma.raw(alias)}.environment IS NULL AND ${Prisma.raw(alias)}."accountId" = ANY(${productionAccounts(scope)}::text[])))`;

interface DeploymentFacts {
  group: string;
  deploymentConfig: string | null;
  accountId: string | null;
  environment: string | null;
  failed: number;
  first: Date;
}

interface FirstRow {
  group: string;
  progressive: boolean;
  id: string;
  finishedAt: Date;
  accountId: string | null;
  service: string;
  deploymentConfig: string | null;
}

export interface DeploymentSummary {
  /** Per production deployment group, the first canary or linear deployment after one that was neither. */
  canaries: ChangeSuggestion[];
  /** Failed and rolled-back deployments of the view. */
  failed: number;
  /** The earliest finish of the view's deployments (ms), Infinity when there is none. */
  earliest: number;
}

const progressiveSql = Prisma.sql`COALESCE(d."deploymentConfig", '') ~* ${PROGRESSIVE.source}`;

/**
 * The view's deployments in one hashed pass, grouped by what decides the rest (group, configuration,
 * account, environment; a few thousand rows for a year of a thousand accounts): how many failed, the
 * earliest finish, and when each production group first finished a deployment of each kind (gradual
 * or not), judged here by the very predicates the events use. A group whose first gradual
 * deployment came no earlier than its first other one may have a canary arrival
 * (compute/suggestions.ts): a second pass reads those groups' rows at those instants and takes the
 * first of each kind in the loaders' order (finish, then id in code-point order).
 */
export async function deploymentSummary(scope: Scope): Promise<DeploymentSummary> {
  const rows = await db.$queryRaw<DeploymentFacts[]>`
    SELECT d."group", d."deploymentConfig", d."accountId", d.environment,
           (count(*) FILTER (WHERE d.status <> 'succeeded'))::int AS failed, min(d."finishedAt") AS first
      FROM ${deploymentsRelation(scope, scope)} d
     GROUP BY 1, 2, 3, 4`;
  let failed = 0;
  let earliest = Infinity;
  const firsts = new Map<string, { progressive?: Date; other?: Date }>();
  for (const r of rows) {
    failed += r.failed;
    earliest = Math.min(earliest, r.first.getTime());
    if (!scope.isProduction({ accountId: r.accountId, environment: r.environment })) continue;
    const kind = PROGRESSIVE.test(r.deploymentConfig ?? "") ? "progressive" : "other";
    const known = firsts.get(r.group) ?? {};
    if (!known[kind] || r.first < known[kind]) firsts.set(r.group, { ...known, [kind]: r.first });
  }
  const candidates = [...firsts].filter(([, f]) => f.progressive && f.other && f.other.getTime() <= f.progressive.getTime());
  return { canaries: await arrivals(scope, candidates as [string, { progressive: Date; other: Date }][]), failed, earliest };
}

async function arrivals(scope: Scope, groups: [string, { progressive: Date; other: Date }][]): Promise<ChangeSuggestion[]> {
  if (groups.length === 0) return [];
  const rows = await db.$queryRaw<FirstRow[]>`
    SELECT d."group", ${progressiveSql} AS progressive, d.id, d."finishedAt", d."accountId", d.service, d."deploymentConfig"
      FROM ${deploymentsRelation(scope, scope)} d
      JOIN unnest(${groups.map(([g]) => g)}::text[], ${groups.map(([, f]) => f.progressive)}::timestamp[],
                  ${groups.map(([, f]) => f.other)}::timestamp[]) AS f("group", progressive, other)
        ON f."group" = d."group" AND date_trunc('milliseconds', d."finishedAt") IN (f.progressive, f.other)
     WHERE ${isProductionSql(scope, "d")}
     ORDER BY d."group", d.id COLLATE "C"`;
  const firstAt = new Map(groups);
  const first = new Map<string, FirstRow>();
  for (const r of rows) {
    const at = firstAt.get(r.group)!;
    // A row at the group's first instant of its own kind; the lowest id among them.
    if ((r.progressive ? at.progressive : at.other).getTime() !== r.finishedAt.getTime()) continue;
    const key = `${r.progressive}\u0000${r.group}`;
    if (!first.has(key)) first.set(key, r);
  }
  const found: ChangeSuggestion[] = [];
  for (const [group, at] of groups) {
    const p = first.get(`true\u0000${group}`);
    const o = first.get(`false\u0000${group}`);
    if (!p || !o) continue;
    if (at.other.getTime() === at.progressive.getTime() && o.id > p.id) continue;
    const when = p.finishedAt.toISOString();
    found.push({
      id: `canary:${group}:${when}`,
      kind: "canary",
      at: when,
      title: `${/linear/i.test(p.deploymentConfig ?? "") ? "Linear" : "Canary"} deployments arrive on ${group}`,
      accountId: p.accountId,
      service: p.service,
      reason: "",
    });
  }
  return found;
}

/** The earliest start of the view's incidents (ms), Infinity when there is none. */
export async function earliestIncident(scope: Scope): Promise<number> {
  const [row] = await db.$queryRaw<[{ at: Date | null }]>`
    SELECT min(r."startedAt") AS at FROM "Incident" r
     WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL
       AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${scope.to} ${incidentScopeWhere(scope)}`;
  return row.at?.getTime() ?? Infinity;
}

/**
 * The view's production incidents (counted once) before and after each change, in `days` each
 * side, on the change's scope: its account and service, either of them, or the whole view when it
 * has neither (as compute/suggestions.ts keys them).
 */
export async function incidentsAround(
  scope: Scope,
  changes: { change: ChangeSuggestion; days: number }[],
): Promise<{ before: number; after: number }[]> {
  const ms = (c: ChangeSuggestion, days: number) => new Date(new Date(c.at).getTime() + days * DAY_MS);
  const column = <T>(f: (c: { change: ChangeSuggestion; days: number }) => T) => changes.map(f);
  // Each change's scope joins the incidents by its keys (hashable), one branch per kind of key.
  const rows = await db.$queryRaw<{ n: number; before: number; after: number }[]>`
    WITH c AS (
      SELECT * FROM unnest(${column(({ change }) => change.accountId)}::text[], ${column(({ change }) => change.service)}::text[],
                           ${column(({ change, days }) => ms(change, -days))}::timestamp[], ${column(({ change }) => new Date(change.at))}::timestamp[],
                           ${column(({ change, days }) => ms(change, days))}::timestamp[])
               WITH ORDINALITY AS c(account, service, "from", at, "to", n)
       WHERE "from" < "to"
    ), inc AS MATERIALIZED (
      SELECT r."accountId", r.service, r."startedAt" FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL
         AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${scope.to} ${incidentScopeWhere(scope)}
         AND ${isProductionSql(scope, "r")}
    ), matched AS (
      SELECT c.*, i."startedAt" FROM c JOIN inc i ON i."accountId" = c.account AND i.service = c.service
      UNION ALL
      SELECT c.*, i."startedAt" FROM c JOIN inc i ON i."accountId" = c.account WHERE c.service IS NULL
      UNION ALL
      SELECT c.*, i."startedAt" FROM c JOIN inc i ON i.service = c.service WHERE c.account IS NULL
      UNION ALL
      SELECT c.*, i."startedAt" FROM c CROSS JOIN inc i WHERE c.account IS NULL AND c.service IS NULL
    )
    SELECT n::int AS n,
           (count(*) FILTER (WHERE "startedAt" >= "from" AND "startedAt" < at))::int AS before,
           (count(*) FILTER (WHERE "startedAt" >= at AND "startedAt" < "to"))::int AS after
      FROM matched GROUP BY n`;
  const counts = new Map(rows.map((r) => [r.n, r]));
  return changes.map((_, i) => ({ before: counts.get(i + 1)?.before ?? 0, after: counts.get(i + 1)?.after ?? 0 }));
}

/**
 * The newest failed and rolled-back deployments: the overlays show at most `limit` annotations of
 * every kind, newest first, so no older one can be shown.
 */
export async function newestFailedDeployments(scope: Scope, limit: number): Promise<LoadedDeployment[]> {
  const rows = await db.$queryRaw<DeploymentRow[]>`
    SELECT * FROM ${deploymentsRelation(scope, scope)} d WHERE d.status <> 'succeeded'
     ORDER BY d."finishedAt" DESC, d.id COLLATE "C" LIMIT ${limit}`;
  return rows.map((r) => toLoadedDeployment(scope, r));
}

/** The sources of the view's incidents (with the rows merged into them) and deployments. */
export async function sourcesSeen(scope: Scope): Promise<Set<string>> {
  const inScope = Prisma.sql`r."workspaceId" = ${scope.workspaceId} AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${scope.to}
    ${incidentScopeWhere(scope)}`;
  const rows = await db.$queryRaw<{ source: string }[]>`
    SELECT DISTINCT r.source FROM "Incident" r WHERE ${inScope} AND r."mergedInto" IS NULL
    UNION
    SELECT DISTINCT a.source FROM "Incident" a JOIN "Incident" r ON r.id = a."mergedInto"
     WHERE a."workspaceId" = ${scope.workspaceId} AND a."mergedInto" IS NOT NULL AND ${inScope}
    UNION
    SELECT 'codedeploy' WHERE EXISTS (SELECT 1 FROM ${deploymentsRelation(scope, scope)} d WHERE d.source = 'codedeploy')
    UNION
    SELECT DISTINCT CASE WHEN d.source = 'github' THEN 'github' ELSE 'ladder' END
      FROM ${deploymentsRelation(scope, scope)} d WHERE d.source <> 'codedeploy'`;
  return new Set(rows.map((r) => r.source));
}
