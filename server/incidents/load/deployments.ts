import { db } from "~/server/db";
import type { Scope } from "../scope";
import type { DeploymentEvent, DeploymentView } from "../types";
import { deploymentsRelation, type DeploymentWindow } from "./deployment-sql";

// Deployments of a window, one event each, oldest first (server/incidents/load/deployment-sql.ts).

export interface LoadedDeployment extends DeploymentEvent {
  commitSha: string | null;
  url: string | null;
}

export interface DeploymentRow {
  id: string;
  source: string;
  accountId: string | null;
  service: string;
  environment: string | null;
  status: DeploymentEvent["status"];
  startedAt: Date | null;
  finishedAt: Date;
  committedAt: Date | null;
  commitSha: string | null;
  deploymentConfig: string | null;
  group: string;
  url: string | null;
  region: string | null;
  deploymentId: string | null;
}

const consoleUrl = (region: string, deploymentId: string) =>
  `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(deploymentId)}?region=${region}`;

export const toLoadedDeployment = (scope: Scope, r: DeploymentRow): LoadedDeployment => ({
  id: r.id,
  source: r.source === "codedeploy" ? "codedeploy" : r.source === "github" ? "github" : "ladder",
  accountId: r.accountId,
  service: r.service,
  environment: r.environment ?? (r.accountId ? (scope.directory.accounts.get(r.accountId)?.environment ?? null) : null),
  status: r.status === "rolled_back" ? "rolled_back" : r.status === "failed" ? "failed" : "succeeded",
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  committedAt: r.committedAt,
  deploymentConfig: r.deploymentConfig,
  group: r.group,
  commitSha: r.commitSha,
  url: r.url ?? (r.region && r.deploymentId ? consoleUrl(r.region, r.deploymentId) : null),
});

export async function loadDeployments(scope: Scope, w: DeploymentWindow = scope): Promise<LoadedDeployment[]> {
  const rows = await db.$queryRaw<
    DeploymentRow[]
  >`SELECT * FROM ${deploymentsRelation(scope, w)} d ORDER BY d."finishedAt", d.id COLLATE "C"`;
  return rows.map((r) => toLoadedDeployment(scope, r));
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
