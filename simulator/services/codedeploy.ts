import { SERVICES } from "../catalog";
import { ALL_AT_ONCE_CONFIG, CANARY_CONFIG, type Deployment, deploymentData, type DeploymentGroup } from "../data/deployments";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

const invalidToken = () => new SimError("InvalidNextTokenException", "The next token was specified in an invalid format.", 400);
const page100 = { defaultPageSize: 100, maxPageSize: 100, requested: undefined, invalidToken };

function requireApplication(context: CallContext, name: string) {
  const data = deploymentData(context.state.data, context.principal.accountId);
  if (!data.applications.some((a) => a.name === name))
    throw new SimError("ApplicationDoesNotExistException", `No application found for name: ${name}`, 400);
  return data;
}

function groupShape(g: DeploymentGroup) {
  return {
    applicationName: g.application,
    deploymentGroupId: g.id,
    deploymentGroupName: g.name,
    deploymentConfigName: g.configName,
    serviceRoleArn: g.serviceRoleArn,
    computePlatform: "ECS",
    deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
    alarmConfiguration: { enabled: g.alarmsEnabled, ignorePollAlarmFailure: false, alarms: g.alarms.map((name) => ({ name })) },
    autoRollbackConfiguration: { enabled: true, events: g.rollbackEvents },
  };
}

function deploymentShape(d: Deployment) {
  return {
    applicationName: d.group.application,
    deploymentGroupName: d.group.name,
    deploymentConfigName: d.configName,
    deploymentId: d.id,
    status: d.status,
    createTime: d.createdAt,
    startTime: d.createdAt,
    ...(d.completedAt ? { completeTime: d.completedAt } : {}),
    creator: d.creator,
    revision: d.commitId
      ? { revisionType: "GitHub", gitHubLocation: { repository: d.repository, commitId: d.commitId } }
      : { revisionType: "AppSpecContent", appSpecContent: { sha256: d.id.replace(/\W/g, "").padEnd(64, "0") } },
    computePlatform: "ECS",
    deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
    autoRollbackConfiguration: { enabled: true, events: d.group.rollbackEvents },
    errorInformation:
      d.status === "Succeeded" || d.status === "InProgress"
        ? undefined
        : {
            code: d.status === "Stopped" ? "ALARM_ACTIVE" : "HEALTH_CONSTRAINTS",
            message: "The deployment failed because a specified CloudWatch alarm is active.",
          },
    rollbackInfo: d.rolledBack ? { rollbackMessage: "Automatic rollback triggered." } : undefined,
  };
}

const CONFIGS: Record<string, unknown> = {
  [CANARY_CONFIG]: { type: "TimeBasedCanary", timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } },
  [ALL_AT_ONCE_CONFIG]: { type: "AllAtOnce" },
  "CodeDeployDefault.ECSLinear10PercentEvery1Minutes": {
    type: "TimeBasedLinear",
    timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
  },
};

const operations: Record<string, OperationHandler> = {
  ListApplications: (input, context) => {
    const apps = deploymentData(context.state.data, context.principal.accountId).applications.map((a) => a.name);
    const page = paginate(apps, { ...page100, token: input.string("nextToken"), scope: "apps" });
    return { applications: page.items, nextToken: page.nextToken };
  },
  ListDeploymentGroups: (input, context) => {
    const name = input.requiredString("applicationName");
    const groups = requireApplication(context, name)
      .groups.filter((g) => g.application === name)
      .map((g) => g.name);
    const page = paginate(groups, { ...page100, token: input.string("nextToken"), scope: `groups:${name}` });
    return { applicationName: name, deploymentGroups: page.items, nextToken: page.nextToken };
  },
  BatchGetDeploymentGroups: (input, context) => {
    const name = input.requiredString("applicationName");
    const data = requireApplication(context, name);
    const wanted = input.strings("deploymentGroupNames");
    const found = data.groups.filter((g) => g.application === name && wanted.includes(g.name));
    const missing = wanted.filter((w) => !found.some((g) => g.name === w));
    return {
      deploymentGroupsInfo: found.map(groupShape),
      errorMessage: missing.length > 0 ? `Deployment groups not found: ${missing.join(", ")}` : undefined,
    };
  },
  ListDeployments: (input, context) => {
    const app = input.string("applicationName");
    const group = input.string("deploymentGroupName");
    const statuses = input.strings("includeOnlyStatuses");
    const range = input.object("createTimeRange");
    const start = range?.number("start");
    const end = range?.number("end");
    const data = app ? requireApplication(context, app) : deploymentData(context.state.data, context.principal.accountId);
    const ids = data.deployments
      .filter(
        (d) =>
          (!app || d.group.application === app) &&
          (!group || d.group.name === group) &&
          (statuses.length === 0 || statuses.includes(d.status)),
      )
      .filter(
        (d) =>
          (start === undefined || d.createdAt.getTime() >= start * 1000) &&
          (end === undefined || d.createdAt.getTime() <= end * 1000),
      )
      .map((d) => d.id);
    const page = paginate(ids, {
      ...page100,
      token: input.string("nextToken"),
      scope: JSON.stringify([app, group, statuses, start, end]),
    });
    return { deployments: page.items, nextToken: page.nextToken };
  },
  BatchGetDeployments: (input, context) => {
    const ids = input.strings("deploymentIds");
    if (ids.length > 25)
      throw new SimError(
        "BatchLimitExceededException",
        "The maximum number of names or IDs allowed for this request (25) was exceeded.",
        400,
      );
    const all = deploymentData(context.state.data, context.principal.accountId).deployments;
    return { deploymentsInfo: all.filter((d) => ids.includes(d.id)).map(deploymentShape) };
  },
  GetDeploymentConfig: (input) => {
    const name = input.requiredString("deploymentConfigName");
    const routing = CONFIGS[name];
    if (!routing)
      throw new SimError("DeploymentConfigDoesNotExistException", `No deployment configuration found for name: ${name}`, 400);
    return {
      deploymentConfigInfo: {
        deploymentConfigId: name.replace(/\W/g, "").slice(0, 36),
        deploymentConfigName: name,
        createTime: new Date(Date.UTC(2019, 10, 26)),
        computePlatform: "ECS",
        trafficRoutingConfig: routing,
      },
    };
  },
};

export const codeDeployService: ServiceImpl = { info: SERVICES.codedeploy, protocol: awsJsonProtocol("1.1"), operations };
