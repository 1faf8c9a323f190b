import { Prisma } from "~/generated/prisma/client";
import { isIncluded } from "~/server/maturity/load/sql";
import { scopeWhere, type Scope } from "../scope";

// The deployments of a scope as one SQL relation (CodeDeploy's and CI-reported, the same columns),
// read row by row by the loaders and grouped by the trend's aggregates.
//
// CodeDeploy: autoscaling replacements are left out (they redeploy the last revision and change
// nothing); the time is completion; status Succeeded → succeeded, Failed/Stopped → failed, a rollback
// → rolled_back. The service is the one the group's alarms watch (their "service" tag, as the alarm
// incidents carry it), else the application's name: CodeDeploy ties a group to the alarms that stop
// it, so an incident from one of them is an incident of that service.
// CI: its own service and environment ("production" read as prod, as OU names are).

export interface DeploymentWindow {
  from: Date;
  to: Date;
  /** Narrow further to one account and service (an incident's detail, a comparison). */
  accountId?: string;
  service?: string;
}

const NOT_CHANGES = ["autoscaling", "autoscalingTermination"];
// CodeDeploy deployments run minutes, at most hours: the creation-time index narrows the scan.
const SLACK_MS = 2 * 86_400_000;

/** Each deployment group's service; `accountIds` narrows to those accounts' groups (the rows read are theirs). */
export function groupServices(workspaceId: string, accountIds: readonly string[] | null = null): Prisma.Sql {
  return Prisma.sql`SELECT g."awsAccountRef", g."applicationName", g."groupName", MIN(al.tags->>'service') AS service
      FROM "DeploymentGroup" g
      JOIN "AwsAccount" ga ON ga.id = g."awsAccountRef"
      JOIN "CloudWatchAlarm" al ON al."awsAccountRef" = g."awsAccountRef" AND al.name = ANY(g.alarms)
     WHERE ${isIncluded("ga", workspaceId)} AND al.tags->>'service' IS NOT NULL
       ${accountIds ? Prisma.sql`AND ga."accountId" = ANY(${accountIds}::text[])` : Prisma.empty}
     GROUP BY 1, 2, 3`;
}

/** inferEnvironment (server/accounts/environment.ts) in SQL, for CI's free-form names. */
export const normalEnvironmentSql = (column: string): Prisma.Sql => {
  const c = Prisma.raw(column);
  return Prisma.sql`CASE
    WHEN ${c} ~* '(^|[^a-z])(prod|production|prd|live)([^a-z]|$)' THEN 'prod'
    WHEN ${c} ~* '(^|[^a-z])(staging|stage|stg|preprod|uat)([^a-z]|$)' THEN 'staging'
    WHEN ${c} ~* '(^|[^a-z])(dev|development|test|testing|qa)([^a-z]|$)' THEN 'dev'
    WHEN ${c} ~* '(^|[^a-z])(sandbox|sandboxes|playground|experiments?|experimental)([^a-z]|$)' THEN 'sandbox'
    ELSE ${c} END`;
};

const narrow = (w: DeploymentWindow, account: string, service: string): Prisma.Sql =>
  Prisma.sql`${w.accountId ? Prisma.sql`AND ${Prisma.raw(account)} = ${w.accountId}` : Prisma.empty}
    ${w.service ? Prisma.sql`AND ${Prisma.raw(service)} = ${w.service}` : Prisma.empty}`;

/** CI rows carry their own environment; the OU and account filters still apply to their account. */
const ownEnvironment = (scope: Scope): Scope => ({
  ...scope,
  accountIds: scope.filters.ou !== undefined || scope.filters.accountId !== undefined ? scope.accountIds : null,
  filters: { ...scope.filters, environment: undefined },
});

/**
 * Columns: id, source, "accountId", service, environment (CI only; CodeDeploy's is its account's),
 * status, "startedAt", "finishedAt", "committedAt", "commitSha", "deploymentConfig", "group", url,
 * region, "deploymentId".
 */
export function deploymentsRelation(scope: Scope, w: DeploymentWindow): Prisma.Sql {
  const env = scope.filters.environment;
  return Prisma.sql`(
    SELECT r.id, 'codedeploy' AS source, a."accountId", COALESCE(gs.service, r."applicationName") AS service,
           NULL::text AS environment,
           CASE WHEN r."rolledBack" OR r.status = 'rolledBack' THEN 'rolled_back'
                WHEN r.status = 'Succeeded' THEN 'succeeded' ELSE 'failed' END AS status,
           r."createdAtAws" AS "startedAt", COALESCE(r."completedAt", r."createdAtAws") AS "finishedAt",
           NULL::timestamp AS "committedAt", r."commitSha", r."deploymentConfig",
           r."applicationName" || '/' || r."groupName" AS "group", NULL::text AS url, r.region, r."deploymentId"
      FROM "Deployment" r
      JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
      LEFT JOIN (${groupServices(scope.workspaceId, w.accountId ? [w.accountId] : scope.accountIds)}) gs ON gs."awsAccountRef" = r."awsAccountRef"
            AND gs."applicationName" = r."applicationName" AND gs."groupName" = r."groupName"
     WHERE ${isIncluded("a", scope.workspaceId)}
       AND r.status IN ('Succeeded', 'Failed', 'Stopped', 'rolledBack')
       AND (r.creator IS NULL OR r.creator <> ALL(${NOT_CHANGES}::text[]))
       AND r."createdAtAws" >= ${new Date(w.from.getTime() - SLACK_MS)} AND r."createdAtAws" < ${w.to}
       AND COALESCE(r."completedAt", r."createdAtAws") >= ${w.from} AND COALESCE(r."completedAt", r."createdAtAws") < ${w.to}
       ${scopeWhere(scope, { account: `a."accountId"`, service: `COALESCE(gs.service, r."applicationName")` })}
       ${narrow(w, `a."accountId"`, `COALESCE(gs.service, r."applicationName")`)}
    UNION ALL
    SELECT r.id, r.source, r."accountId", r.service, ${normalEnvironmentSql(`r.environment`)} AS environment,
           r.status, r."startedAt", r."finishedAt", r."committedAt", r."commitSha", NULL AS "deploymentConfig",
           r.service || '/' || ${normalEnvironmentSql(`r.environment`)} AS "group", r.url, NULL AS region, NULL AS "deploymentId"
      FROM "ReportedDeployment" r
     WHERE r."workspaceId" = ${scope.workspaceId} AND r."finishedAt" >= ${w.from} AND r."finishedAt" < ${w.to}
       ${scopeWhere(ownEnvironment(scope), { account: `r."accountId"`, service: `r.service` })}
       ${env ? Prisma.sql`AND ${normalEnvironmentSql(`r.environment`)} = ${env}` : Prisma.empty}
       ${narrow(w, `r."accountId"`, `r.service`)}
  )`;
}
