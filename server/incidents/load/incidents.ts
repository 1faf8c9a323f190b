import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { mergeSameIncidents, type IncidentRow } from "../same-incident";
import { scopeWhere, type Scope } from "../scope";
import { severityKeyOf } from "../severity";
import type { IncidentEvent, IncidentView } from "../types";

// Incidents of the workspace in the scope, counted once (server/incidents/same-incident.ts).
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

/** CloudWatch rows predating the alarmArn column carry the ARN in their key ("<arn>@<start>"). */
export const ALARM_ARN = Prisma.sql`COALESCE(r."alarmArn", CASE WHEN r.source = 'cloudwatch' THEN split_part(r."externalKey", '@', 1) END)`;

export const INCIDENT_COLUMNS = Prisma.sql`r.id, r.source, r."externalKey", r.title, r."accountId", r.service,
  r.environment, r.severity, r."severityRank", r."startedAt", r."acknowledgedAt", r."resolvedAt", r."durationSeconds",
  r.url, r."uploadId", ${ALARM_ARN} AS "alarmArn"`;

/** What the computations need of a row (trends, DORA): fewer columns over a hundred thousand rows. */
const EVENT_COLUMNS = Prisma.sql`r.id, r.source, r."accountId", r.service, r.environment, r.severity, r."severityRank",
  r."startedAt", r."resolvedAt", ${ALARM_ARN} AS "alarmArn"`;

export const incidentScopeWhere = (scope: Scope) =>
  scopeWhere(scope, { account: `r."accountId"`, environment: `r.environment`, service: `r.service` });

async function queryIncidents(scope: Scope, where: Prisma.Sql, slim = false): Promise<StoredIncident[]> {
  return db.$queryRaw<StoredIncident[]>`
    SELECT ${slim ? EVENT_COLUMNS : INCIDENT_COLUMNS}
      FROM "Incident" r
     WHERE r."workspaceId" = ${scope.workspaceId} ${where} ${incidentScopeWhere(scope)}`;
}

export interface LoadedIncident {
  event: IncidentEvent;
  row: StoredIncident;
}

function toLoaded(scope: Scope, rows: StoredIncident[]): LoadedIncident[] {
  return mergeSameIncidents(rows).map(({ row, alsoFrom }) => ({
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
  }));
}

/**
 * Incidents that started in [from, to). Rows of other sources up to 15 minutes either side are
 * read too so that a match across the range's edge is still made, then dropped.
 */
export async function loadIncidents(
  scope: Scope,
  from = scope.from,
  to = scope.to,
  /** Only the columns the computations read (the rows then do not make views). */
  slim = false,
): Promise<{ incidents: LoadedIncident[]; rows: number }> {
  const margin = 15 * 60_000;
  const rows = await queryIncidents(
    scope,
    Prisma.sql`AND r."startedAt" >= ${new Date(from.getTime() - margin)} AND r."startedAt" < ${new Date(to.getTime() + margin)}`,
    slim,
  );
  const incidents = toLoaded(scope, rows).filter((i) => i.event.startedAt >= from && i.event.startedAt < to);
  const counted = incidents.reduce((n, i) => n + 1 + i.event.alsoFrom.length, 0);
  return { incidents, rows: counted };
}

/** Incidents open now, whenever they started, counted once. */
export async function countOpenNow(scope: Scope, now: Date): Promise<number> {
  const rows = await queryIncidents(scope, Prisma.sql`AND r."resolvedAt" IS NULL AND r."startedAt" <= ${now}`, true);
  return toLoaded(scope, rows).length;
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
