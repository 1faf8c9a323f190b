import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import type { AlarmEvidence, DeploymentEvidence, DeploymentGroupEvidence, IncidentEvidence, MaturityEvidence } from "../evidence";
import { accountRows, type AccountBatch, DAY_MS, inBatch, seenAt, seenJoin, type Limit } from "./sql";

type DeliveryEvidence = Pick<MaturityEvidence, "alarms" | "incidents" | "deploymentGroups" | "deployments">;

// The delivery rules look back 90 days (failure rate, recovery time, recent deployments): older
// deployments and incidents cannot change a result, and an active account makes thousands.
const LOOKBACK_DAYS = 90;

const STYLES = new Set<DeploymentGroupEvidence["deploymentStyle"]>(["canary", "linear", "all-at-once"]);
// The sync also records "rolling" and "unknown"; neither shifts traffic gradually.
const styleOf = (style: string): DeploymentGroupEvidence["deploymentStyle"] =>
  STYLES.has(style as DeploymentGroupEvidence["deploymentStyle"])
    ? (style as DeploymentGroupEvidence["deploymentStyle"])
    : "other";

/**
 * Incidents counted once, as the Incidents page counts them (rows merged into another incident are
 * left out: server/incidents/merge-store.ts). CloudWatch incidents were last seen by a sync;
 * uploaded ones when their upload arrived.
 */
function loadIncidents(workspaceId: string, since: Date, only: AccountBatch): Promise<IncidentEvidence[]> {
  return db.$queryRaw<IncidentEvidence[]>`
    SELECT r.id, r."accountId", r.source, r.service, r."alarmArn", r."startedAt", r."resolvedAt", r."durationSeconds",
           CASE WHEN r."uploadId" IS NULL THEN ${seenAt} ELSE u."createdAt" END AS "observedAt"
      FROM "Incident" r
      ${seenJoin("r", workspaceId, "Incident")}
      LEFT JOIN "Upload" u ON u.id = r."uploadId" AND u."workspaceId" = ${workspaceId}
     WHERE r."workspaceId" = ${workspaceId} AND r."startedAt" >= ${since} AND r."mergedInto" IS NULL ${inBatch(`r."accountId"`, only)}
     ORDER BY r.id`;
}

export async function loadDelivery(workspaceId: string, now: Date, limit: Limit, only?: AccountBatch): Promise<DeliveryEvidence> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  const [alarms, incidents, groups, deployments] = await Promise.all([
    limit(() =>
      accountRows<Omit<AlarmEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "CloudWatchAlarm",
        `r.region, r.arn, r.name, r.state`,
      ),
    ),
    limit(() => loadIncidents(workspaceId, since, only)),
    limit(() =>
      accountRows<
        Omit<DeploymentGroupEvidence, "id" | "accountId" | "observedAt" | "deploymentStyle"> & { deploymentStyle: string }
      >(
        { workspaceId, only },
        "DeploymentGroup",
        `r.region, r."applicationName", r."groupName", r."deploymentStyle", r."autoRollbackEnabled", r."autoRollbackEvents",
         r."alarmsEnabled", r.alarms`,
      ),
    ),
    limit(() =>
      accountRows<Omit<DeploymentEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "Deployment",
        `r."applicationName", r."groupName", r.status, r."createdAtAws" AS "createdAt", r."rolledBack"`,
        Prisma.sql`AND r."createdAtAws" >= ${since}`,
      ),
    ),
  ]);
  return {
    alarms,
    incidents,
    deploymentGroups: groups.map((g) => ({ ...g, deploymentStyle: styleOf(g.deploymentStyle) })),
    deployments,
  };
}
