import { db } from "~/server/db";
import { isIncluded } from "~/server/maturity/load/sql";
import { groupServices } from "./load/deployment-sql";
import type { Scope } from "./scope";
import type { Environment, IncidentsOverview } from "./types";

// What the filters offer: every OU, environment, account and service of the workspace, not only
// those left after filtering (a filter must be able to widen again).

const ENVIRONMENTS: Environment[] = ["prod", "staging", "dev", "sandbox"];

export async function filterOptions(scope: Scope): Promise<IncidentsOverview["options"]> {
  const services = await db.$queryRaw<{ service: string }[]>`
    SELECT service FROM (
      SELECT DISTINCT i.service FROM "Incident" i WHERE i."workspaceId" = ${scope.workspaceId} AND i.service IS NOT NULL
      UNION SELECT DISTINCT r.service FROM "ReportedDeployment" r WHERE r."workspaceId" = ${scope.workspaceId}
      UNION SELECT DISTINCT COALESCE(gs.service, g."applicationName") FROM "DeploymentGroup" g
              JOIN "AwsAccount" a ON a.id = g."awsAccountRef"
              LEFT JOIN (${groupServices(scope.workspaceId)}) gs ON gs."awsAccountRef" = g."awsAccountRef"
                    AND gs."applicationName" = g."applicationName" AND gs."groupName" = g."groupName"
             WHERE ${isIncluded("a", scope.workspaceId)}
    ) s ORDER BY service`;
  const accounts = [...scope.directory.accounts.values()];
  const present = new Set(accounts.map((a) => a.environment));
  return {
    ous: scope.directory.ous,
    environments: ENVIRONMENTS.filter((e) => present.has(e)),
    accounts: accounts
      .map((a) => ({ accountId: a.accountId, name: a.name }))
      .sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
    services: services.map((s) => s.service),
  };
}
