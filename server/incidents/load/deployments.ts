import { Prisma } from "~/generated/prisma/client";
import { inferEnvironment } from "~/server/accounts/environment";
import { db } from "~/server/db";
import { isIncluded } from "~/server/maturity/load/sql";
import { scopeWhere, type Scope } from "../scope";
import type { DeploymentEvent, DeploymentView } from "../types";

// Deployments: CodeDeploy's from the sync (autoscaling replacements are not changes and are left
// out) and those CI systems reported (ReportedDeployment). Times are completion times.

export interface LoadedDeployment extends DeploymentEvent {
  commitSha: string | null;
  url: string | null;
}

/**
 * The service a CodeDeploy deployment changes: the one its deployment group's alarms watch (their
 * "service" tag, as the alarm incidents carry it), else the application's name. CodeDeploy ties a
 * group to the alarms that stop it, so an incident from one of them is an incident of that service.
 */
const GROUP_SERVICE = Prisma.sql`COALESCE(gs.service, r."applicationName")`;

export function groupServices(workspaceId: string): Prisma.Sql {
  return Prisma.sql`SELECT g."awsAccountRef", g."applicationName", g."groupName", MIN(al.tags->>'service') AS service
      FROM "DeploymentGroup" g
      JOIN "AwsAccount" ga ON ga.id = g."awsAccountRef"
      JOIN "CloudWatchAlarm" al ON al."awsAccountRef" = g."awsAccountRef" AND al.name = ANY(g.alarms)
     WHERE ${isIncluded("ga", workspaceId)} AND al.tags->>'service' IS NOT NULL
     GROUP BY 1, 2, 3`;
}

// Scale-out and scale-in launches redeploy the last revision; they change nothing.
const NOT_CHANGES = ["autoscaling", "autoscalingTermination"];

interface CodeDeployRow {
  id: string;
  accountId: string;
  service: string;
  applicationName: string;
  groupName: string;
  status: string;
  rolledBack: boolean;
  deploymentConfig: string | null;
  createdAtAws: Date | null;
  finishedAt: Date;
  commitSha: string | null;
  region: string;
  deploymentId: string;
}

const codeDeployStatus = (row: CodeDeployRow): DeploymentEvent["status"] =>
  row.rolledBack || row.status === "rolledBack" ? "rolled_back" : row.status === "Succeeded" ? "succeeded" : "failed";

export interface DeploymentWindow {
  from: Date;
  to: Date;
  /** Narrow further to one account and service (an incident's detail). */
  accountId?: string;
  service?: string;
}

async function loadCodeDeploy(scope: Scope, w: DeploymentWindow): Promise<LoadedDeployment[]> {
  const rows = await db.$queryRaw<CodeDeployRow[]>`
    WITH gs AS (${groupServices(scope.workspaceId)})
    SELECT r.id, a."accountId", ${GROUP_SERVICE} AS service, r."applicationName", r."groupName", r.status, r."rolledBack", r."deploymentConfig",
           r."createdAtAws", COALESCE(r."completedAt", r."createdAtAws") AS "finishedAt", r."commitSha", r.region,
           r."deploymentId"
      FROM "Deployment" r
      JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
      LEFT JOIN gs ON gs."awsAccountRef" = r."awsAccountRef" AND gs."applicationName" = r."applicationName"
                  AND gs."groupName" = r."groupName"
     WHERE ${isIncluded("a", scope.workspaceId)}
       AND r.status IN ('Succeeded', 'Failed', 'Stopped', 'rolledBack')
       AND (r.creator IS NULL OR r.creator <> ALL(${NOT_CHANGES}::text[]))
       AND COALESCE(r."completedAt", r."createdAtAws") >= ${w.from} AND COALESCE(r."completedAt", r."createdAtAws") < ${w.to}
       ${scopeWhere(scope, { account: `a."accountId"`, service: `COALESCE(gs.service, r."applicationName")` })}
       ${w.accountId ? Prisma.sql`AND a."accountId" = ${w.accountId}` : Prisma.empty}
       ${w.service ? Prisma.sql`AND ${GROUP_SERVICE} = ${w.service}` : Prisma.empty}`;
  return rows.map((r) => ({
    id: r.id,
    source: "codedeploy",
    accountId: r.accountId,
    service: r.service,
    environment: scope.directory.accounts.get(r.accountId)?.environment ?? null,
    status: codeDeployStatus(r),
    startedAt: r.createdAtAws,
    finishedAt: r.finishedAt,
    committedAt: null,
    deploymentConfig: r.deploymentConfig,
    group: `${r.applicationName}/${r.groupName}`,
    commitSha: r.commitSha,
    url: `https://${r.region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(r.deploymentId)}?region=${r.region}`,
  }));
}

interface ReportedRow {
  id: string;
  source: string;
  service: string;
  environment: string;
  accountId: string | null;
  commitSha: string | null;
  committedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date;
  status: string;
  url: string | null;
}

/** CI names environments freely ("production", "prd"); the filters use Ladder's four. */
export const normalEnvironment = (name: string): string => inferEnvironment(name) ?? name;

/** CI rows carry their own environment, checked after it is normalised; OU and account still apply in SQL. */
const ownEnvironment = (scope: Scope): Scope => ({
  ...scope,
  accountIds: scope.filters.ou !== undefined || scope.filters.accountId !== undefined ? scope.accountIds : null,
  filters: { ...scope.filters, environment: undefined },
});

async function loadReported(scope: Scope, w: DeploymentWindow): Promise<LoadedDeployment[]> {
  const rows = await db.$queryRaw<ReportedRow[]>`
    SELECT r.id, r.source, r.service, r.environment, r."accountId", r."commitSha", r."committedAt", r."startedAt",
           r."finishedAt", r.status, r.url
      FROM "ReportedDeployment" r
     WHERE r."workspaceId" = ${scope.workspaceId} AND r."finishedAt" >= ${w.from} AND r."finishedAt" < ${w.to}
       ${scopeWhere(ownEnvironment(scope), { account: `r."accountId"`, service: `r.service` })}
       ${w.accountId ? Prisma.sql`AND r."accountId" = ${w.accountId}` : Prisma.empty}
       ${w.service ? Prisma.sql`AND r.service = ${w.service}` : Prisma.empty}`;
  const wanted = scope.filters.environment;
  return rows
    .map((r): LoadedDeployment => {
      const environment = normalEnvironment(r.environment);
      return {
        id: r.id,
        source: r.source === "github" ? "github" : "ladder",
        accountId: r.accountId,
        service: r.service,
        environment,
        status: r.status === "rolled_back" ? "rolled_back" : r.status === "failed" ? "failed" : "succeeded",
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        committedAt: r.committedAt,
        deploymentConfig: null,
        group: `${r.service}/${environment}`,
        commitSha: r.commitSha,
        url: r.url,
      };
    })
    .filter((d) => !wanted || d.environment === wanted);
}

/** Deployments that finished in the window, oldest first. */
export async function loadDeployments(scope: Scope, w: DeploymentWindow = scope): Promise<LoadedDeployment[]> {
  const [codeDeploy, reported] = await Promise.all([loadCodeDeploy(scope, w), loadReported(scope, w)]);
  return [...codeDeploy, ...reported].sort(
    (a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export const deploymentView = (d: LoadedDeployment): DeploymentView => ({
  id: d.id,
  source: d.source,
  service: d.service,
  environment: d.environment,
  accountId: d.accountId,
  status: d.status,
  startedAt: d.startedAt?.toISOString() ?? null,
  finishedAt: d.finishedAt.toISOString(),
  commitSha: d.commitSha,
  committedAt: d.committedAt?.toISOString() ?? null,
  deploymentConfig: d.deploymentConfig,
  url: d.url,
});
