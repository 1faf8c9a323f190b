import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import type { IncidentRow } from "../same-incident";
import { scopeWhere, type Scope } from "../scope";
import { severityKeyOf } from "../severity";
import type { IncidentEvent, IncidentView } from "../types";

// Incidents of the workspace in the scope, counted once: the rows the same-incident rule put under
// another row's incident (Incident.mergedInto, server/incidents/merge-store.ts) are listed under it.
// The filtering runs in SQL; only the rows in range reach this process.

export interface StoredIncident extends IncidentRow {
  externalKey: string;
  title: string;
  environment: string | null;
  severity: string | null;
  severityRank: number | null;
  acknowledgedAt: Date | null;
  durationSeconds: number | null;
  url: string | null;
  uploadId: string | null;
}

export const INCIDENT_COLUMNS = Prisma.sql`r.id, r.source, r."externalKey", r.title, r."accountId", r.service,
  r.environment, r.severity, r."severityRank", r."startedAt", r."acknowledgedAt", r."resolvedAt", r."durationSeconds",
  r.url, r."uploadId", r."alarmArn"`;

/** What the computations need of a row (trends, DORA): fewer columns over a hundred thousand rows. */
const EVENT_COLUMNS = Prisma.sql`r.id, r.source, r."accountId", r.service, r.environment, r.severity, r."severityRank",
  r."startedAt", r."resolvedAt", r."alarmArn"`;

export const incidentScopeWhere = (scope: Scope) =>
  scopeWhere(scope, { account: `r."accountId"`, environment: `r.environment`, service: `r.service` });

/** The incidents (their first rows) whose first row matches `where` and the scope's filters. */
async function queryIncidents(scope: Scope, where: Prisma.Sql, slim = false): Promise<StoredIncident[]> {
  return db.$queryRaw<StoredIncident[]>`
    SELECT ${slim ? EVENT_COLUMNS : INCIDENT_COLUMNS}
      FROM "Incident" r
     WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL ${where} ${incidentScopeWhere(scope)}`;
}

interface AlsoFromRow {
  id: string;
  source: string;
  mergedInto: string;
}

/** The other rows of those incidents (server/incidents/merge-store.ts), oldest first. */
async function queryAlsoFrom(scope: Scope, where: Prisma.Sql): Promise<Map<string, AlsoFromRow[]>> {
  const rows = await db.$queryRaw<AlsoFromRow[]>`
    SELECT a.id, a.source, a."mergedInto"
      FROM "Incident" a JOIN "Incident" r ON r.id = a."mergedInto"
     WHERE a."workspaceId" = ${scope.workspaceId} AND a."mergedInto" IS NOT NULL
       AND r."workspaceId" = ${scope.workspaceId} ${where} ${incidentScopeWhere(scope)}
     ORDER BY a."startedAt", a.id`;
  const out = new Map<string, AlsoFromRow[]>();
  for (const row of rows) {
    const list = out.get(row.mergedInto);
    if (list) list.push(row);
    else out.set(row.mergedInto, [row]);
  }
  return out;
}

export interface LoadedIncident {
  event: IncidentEvent;
  row: StoredIncident;
}

export function toLoaded(scope: Scope, row: StoredIncident, alsoFrom: { id: string; source: string }[]): LoadedIncident {
  return {
    row,
    event: {
      id: row.id,
      source: row.source,
      alsoFrom: alsoFrom.map((r) => ({ id: r.id, source: r.source })),
      accountId: row.accountId,
      service: row.service,
      environment: row.environment ?? (row.accountId ? (scope.directory.accounts.get(row.accountId)?.environment ?? null) : null),
      severityKey: severityKeyOf(row.severityRank, row.severity),
      startedAt: row.startedAt,
      resolvedAt: row.resolvedAt,
    },
  };
}

/**
 * Incidents that started in [from, to), counted once: an incident's first row decides its start,
 * account, service and environment, so the scope's filters and range apply to that row.
 */
export async function loadIncidents(
  scope: Scope,
  from = scope.from,
  to = scope.to,
  /** Only the columns the computations read (the rows then do not make views). */
  slim = false,
): Promise<{ incidents: LoadedIncident[]; rows: number }> {
  const inRange = Prisma.sql`AND r."startedAt" >= ${from} AND r."startedAt" < ${to}`;
  const [firsts, alsoFrom] = await Promise.all([queryIncidents(scope, inRange, slim), queryAlsoFrom(scope, inRange)]);
  const incidents = firsts.map((row) => toLoaded(scope, row, alsoFrom.get(row.id) ?? []));
  const counted = incidents.reduce((n, i) => n + 1 + i.event.alsoFrom.length, 0);
  return { incidents, rows: counted };
}

/** One page of the incidents that started in the scope's range, newest first (ties: code-point order of id), and how many there are. */
export async function loadIncidentPage(
  scope: Scope,
  offset: number,
  limit: number,
): Promise<{ incidents: LoadedIncident[]; total: number }> {
  const inRange = Prisma.sql`AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${scope.to}`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<StoredIncident[]>`
      SELECT ${INCIDENT_COLUMNS} FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL ${inRange} ${incidentScopeWhere(scope)}
       ORDER BY r."startedAt" DESC, r.id COLLATE "C" LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM "Incident" r
       WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL ${inRange} ${incidentScopeWhere(scope)}`,
  ]);
  const alsoFrom = await queryAlsoFrom(scope, Prisma.sql`AND r.id = ANY(${rows.map((r) => r.id)}::text[])`);
  return { incidents: rows.map((row) => toLoaded(scope, row, alsoFrom.get(row.id) ?? [])), total: count.n };
}

/** Incidents open now, whenever they started, counted once. */
export async function countOpenNow(scope: Scope, now: Date): Promise<number> {
  const [{ n }] = await db.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS n FROM "Incident" r
     WHERE r."workspaceId" = ${scope.workspaceId} AND r."mergedInto" IS NULL AND r."resolvedAt" IS NULL AND r."startedAt" <= ${now}
           ${incidentScopeWhere(scope)}`;
  return n;
}

export function incidentView(scope: Scope, { row, event }: LoadedIncident): IncidentView {
  const account = row.accountId ? scope.directory.accounts.get(row.accountId) : undefined;
  return {
    id: row.id,
    source: row.source,
    alsoFrom: event.alsoFrom,
    title: row.title,
    accountId: row.accountId,
    accountName: account?.name ?? null,
    service: row.service,
    environment: event.environment,
    severity: row.severity,
    severityKey: event.severityKey,
    startedAt: row.startedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    durationSeconds: row.resolvedAt
      ? (row.durationSeconds ?? Math.round((row.resolvedAt.getTime() - row.startedAt.getTime()) / 1000))
      : null,
    url: row.url,
  };
}
