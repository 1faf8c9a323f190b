import {
  BatchGetDeploymentGroupsCommand,
  BatchGetDeploymentsCommand,
  type CodeDeployClient,
  type DeploymentConfigInfo,
  type DeploymentInfo,
  GetDeploymentConfigCommand,
  paginateListApplications,
  paginateListDeploymentGroups,
  paginateListDeployments,
} from "@aws-sdk/client-codedeploy";
import { chunk, DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { type AccountScope, checkAborted, clientFor, type FetchContext, scopeOf, withClient } from "./types";

/** Natural key: (accountId, region, name). */
export interface CodeDeployApplicationRecord extends AccountScope {
  name: string;
}

/** Natural key: (accountId, region, applicationName, groupName). */
export interface DeploymentGroupRecord extends AccountScope {
  applicationName: string;
  groupName: string;
  deploymentConfigName: string | null;
  computePlatform: string | null;
  autoRollbackEnabled: boolean;
  autoRollbackEvents: string[];
  alarmsEnabled: boolean;
  alarms: string[];
  serviceRoleArn: string | null;
}

export type DeploymentStrategy = "canary" | "linear" | "all-at-once" | "rolling" | "unknown";

/** Natural key: (accountId, region, name). */
export interface DeploymentConfigRecord extends AccountScope {
  name: string;
  computePlatform: string | null;
  type: DeploymentStrategy;
}

/** Natural key: (accountId, region, id). */
export interface DeploymentRecord extends AccountScope {
  id: string;
  applicationName: string;
  groupName: string;
  status: string;
  createTime: Date | null;
  completeTime: Date | null;
  deploymentConfigName: string | null;
  rollbackInfo: { rolledBack: boolean; rollbackDeploymentId: string | null; rollbackTriggeringDeploymentId: string | null };
  errorCode: string | null;
  /** The GitHub revision's commit; null for S3 and AppSpec revisions (no commit known). */
  commitSha: string | null;
  /** "user", "autoscaling", "codeDeployRollback", "CloudFormation"… as CodeDeploy writes it. */
  creator: string | null;
}

// BatchGetDeploymentGroups takes up to 100 names, BatchGetDeployments up to 25 ids.
const GROUP_BATCH = 100;
const DEPLOYMENT_BATCH = 25;

/** Traffic-shifting configs (ECS, Lambda) name their strategy; EC2 configs say it through minimum healthy hosts. */
export function deploymentStrategy(
  config: Pick<DeploymentConfigInfo, "trafficRoutingConfig" | "minimumHealthyHosts">,
): DeploymentStrategy {
  switch (config.trafficRoutingConfig?.type) {
    case "TimeBasedCanary":
      return "canary";
    case "TimeBasedLinear":
      return "linear";
    case "AllAtOnce":
      return "all-at-once";
  }
  const hosts = config.minimumHealthyHosts;
  if (hosts?.value === undefined) return "unknown";
  return hosts.value === 0 ? "all-at-once" : "rolling";
}

async function listGroups(client: CodeDeployClient, scope: AccountScope, application: string): Promise<DeploymentGroupRecord[]> {
  const names: string[] = [];
  for await (const page of paginateListDeploymentGroups({ client }, { applicationName: application })) {
    names.push(...(page.deploymentGroups ?? []));
  }
  const records: DeploymentGroupRecord[] = [];
  for (const batch of chunk(names, GROUP_BATCH)) {
    const out = await client.send(
      new BatchGetDeploymentGroupsCommand({ applicationName: application, deploymentGroupNames: batch }),
    );
    for (const g of out.deploymentGroupsInfo ?? []) {
      records.push({
        ...scope,
        applicationName: g.applicationName ?? application,
        groupName: g.deploymentGroupName ?? "",
        deploymentConfigName: g.deploymentConfigName ?? null,
        computePlatform: g.computePlatform ?? null,
        autoRollbackEnabled: g.autoRollbackConfiguration?.enabled ?? false,
        autoRollbackEvents: g.autoRollbackConfiguration?.events ?? [],
        alarmsEnabled: g.alarmConfiguration?.enabled ?? false,
        alarms: (g.alarmConfiguration?.alarms ?? []).map((a) => a.name ?? ""),
        serviceRoleArn: g.serviceRoleArn ?? null,
      });
    }
  }
  return records;
}

async function getConfigs(ctx: FetchContext, client: CodeDeployClient, names: string[]): Promise<DeploymentConfigRecord[]> {
  const scope = scopeOf(ctx);
  return mapLimit(
    [...new Set(names)].sort(),
    DEFAULT_CONCURRENCY,
    async (name) => {
      const { deploymentConfigInfo: c } = await client.send(new GetDeploymentConfigCommand({ deploymentConfigName: name }));
      return { ...scope, name, computePlatform: c?.computePlatform ?? null, type: c ? deploymentStrategy(c) : "unknown" };
    },
    ctx.signal,
  );
}

/** Applications, their deployment groups, and the deployment configs those groups use. */
export function fetchCodeDeploy(ctx: FetchContext): Promise<{
  applications: CodeDeployApplicationRecord[];
  deploymentGroups: DeploymentGroupRecord[];
  deploymentConfigs: DeploymentConfigRecord[];
}> {
  return withClient(ctx, "codeDeploy", async (client) => {
    const scope = scopeOf(ctx);
    const applications: CodeDeployApplicationRecord[] = [];
    for await (const page of paginateListApplications({ client }, {})) {
      checkAborted(ctx);
      for (const name of page.applications ?? []) applications.push({ ...scope, name });
    }
    const groups = await mapLimit(applications, DEFAULT_CONCURRENCY, (a) => listGroups(client, scope, a.name), ctx.signal);
    const deploymentGroups = groups.flat();
    const configNames = deploymentGroups.flatMap((g) => (g.deploymentConfigName ? [g.deploymentConfigName] : []));
    return { applications, deploymentGroups, deploymentConfigs: await getConfigs(ctx, client, configNames) };
  });
}

/** For configs met only in deployments (a group may have switched config since). */
export function fetchDeploymentConfigs(ctx: FetchContext, names: string[]): Promise<DeploymentConfigRecord[]> {
  return withClient(ctx, "codeDeploy", (client) => getConfigs(ctx, client, names));
}

function deploymentRecord(scope: AccountScope, d: DeploymentInfo): DeploymentRecord {
  const rollback = d.rollbackInfo;
  return {
    ...scope,
    id: d.deploymentId ?? "",
    applicationName: d.applicationName ?? "",
    groupName: d.deploymentGroupName ?? "",
    status: d.status ?? "",
    createTime: d.createTime ?? null,
    completeTime: d.completeTime ?? null,
    deploymentConfigName: d.deploymentConfigName ?? null,
    rollbackInfo: {
      // The original deployment names the one that rolled it back; a rollback deployment instead
      // names its trigger. Without either id, a rollback message still means this one was undone.
      rolledBack:
        Boolean(rollback?.rollbackDeploymentId) ||
        (!rollback?.rollbackTriggeringDeploymentId && Boolean(rollback?.rollbackMessage)),
      rollbackDeploymentId: rollback?.rollbackDeploymentId ?? null,
      rollbackTriggeringDeploymentId: rollback?.rollbackTriggeringDeploymentId ?? null,
    },
    errorCode: d.errorInformation?.code ?? null,
    commitSha: d.revision?.gitHubLocation?.commitId ?? null,
    creator: d.creator ?? null,
  };
}

/** Deployments created since `since` (all when omitted), one array per listing page of ids. */
export async function* codeDeployDeployments(
  ctx: FetchContext,
  { since }: { since?: Date } = {},
): AsyncGenerator<DeploymentRecord[]> {
  const client = clientFor(ctx, "codeDeploy");
  const scope = scopeOf(ctx);
  try {
    for await (const page of paginateListDeployments({ client }, { createTimeRange: since ? { start: since } : undefined })) {
      checkAborted(ctx);
      const records: DeploymentRecord[] = [];
      for (const batch of chunk(page.deployments ?? [], DEPLOYMENT_BATCH)) {
        const out = await client.send(new BatchGetDeploymentsCommand({ deploymentIds: batch }));
        records.push(...(out.deploymentsInfo ?? []).map((d) => deploymentRecord(scope, d)));
      }
      yield records;
    }
  } finally {
    client.destroy();
  }
}

/** Deployments by id (those stored before they finished), 25 to a call; ids CodeDeploy no longer has are left out. */
export function codeDeployDeploymentsById(ctx: FetchContext, ids: string[]): Promise<DeploymentRecord[]> {
  return withClient(ctx, "codeDeploy", async (client) => {
    const scope = scopeOf(ctx);
    const records: DeploymentRecord[] = [];
    for (const batch of chunk(ids, DEPLOYMENT_BATCH)) {
      checkAborted(ctx);
      const out = await client.send(new BatchGetDeploymentsCommand({ deploymentIds: batch }));
      records.push(...(out.deploymentsInfo ?? []).map((d) => deploymentRecord(scope, d)));
    }
    return records;
  });
}
