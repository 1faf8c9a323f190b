import { canaryStart } from "./alarms";
import type { DemoData } from "./demo-data";
import { monthStart } from "./cost-timeline";
import { createRandom } from "./random";

export interface DeploymentGroup {
  application: string;
  name: string;
  id: string;
  configName: string;
  alarms: string[];
  alarmsEnabled: boolean;
  rollbackEvents: string[];
  serviceRoleArn: string;
}

export interface Deployment {
  id: string;
  group: DeploymentGroup;
  configName: string;
  /** The demo's deployments are all finished; tests set one InProgress (completedAt null) to follow it. */
  status: "Succeeded" | "Failed" | "Stopped" | "InProgress";
  createdAt: Date;
  completedAt: Date | null;
  rolledBack: boolean;
  /** The GitHub revision's commit for API groups (their pipelines deploy from GitHub); null for workers. */
  commitId: string | null;
  repository: string | null;
  creator: "user";
}

export interface DeploymentData {
  applications: Array<{ name: string; id: string; createdAt: Date }>;
  groups: DeploymentGroup[];
  deployments: Deployment[];
}

export const CANARY_CONFIG = "CodeDeployDefault.ECSCanary10Percent5Minutes";
export const ALL_AT_ONCE_CONFIG = "CodeDeployDefault.ECSAllAtOnce";

function deploymentsFor(data: DemoData, accountId: string): DeploymentData {
  const account = data.account(accountId);
  const empty = { applications: [], groups: [], deployments: [] };
  if (!account || (account.environment !== "prod" && account.environment !== "staging")) return empty;
  const random = createRandom(data.seed, "codedeploy", accountId);
  const firstProd = data.organization.accounts.find((a) => a.environment === "prod")?.id === accountId;
  const created = monthStart(data.today, -12);
  const applications = ["api", "worker"].map((c) => ({
    name: `${account.team}-${c}`,
    id: random.alnum(8, "0123456789abcdef"),
    createdAt: created,
  }));
  const groups: DeploymentGroup[] = applications.map((app, i) => {
    // Canary is the norm; the first prod worker still ships all at once, and the first prod API
    // canary does not roll back on alarms (the seed's progressive-delivery trap).
    const canary = !(firstProd && i === 1);
    const rollbackOnAlarm = !(firstProd && i === 0);
    return {
      application: app.name,
      name: `${app.name}-${account.environment}`,
      id: `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`,
      configName: canary ? CANARY_CONFIG : ALL_AT_ONCE_CONFIG,
      alarms: [`${account.team}-api-5xx-rate`, `${account.team}-api-p99-latency`],
      alarmsEnabled: true,
      rollbackEvents: rollbackOnAlarm ? ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] : ["DEPLOYMENT_FAILURE"],
      serviceRoleArn: `arn:aws:iam::${accountId}:role/codedeploy-service-role`,
    };
  });
  const canaryDay = canaryStart(data).getTime();
  const deployments: Deployment[] = [];
  for (const group of groups) {
    for (let day = created.getTime(); day < data.today.getTime(); day += 86_400_000) {
      if (!random.chance(account.environment === "prod" ? 0.3 : 0.5)) continue;
      const createdAt = new Date(day + random.int(8 * 60, 18 * 60) * 60_000);
      const configName = createdAt.getTime() < canaryDay ? ALL_AT_ONCE_CONFIG : group.configName;
      const roll = random.next();
      const failRate = configName === CANARY_CONFIG ? 0.04 : 0.1;
      const status = roll < failRate ? "Failed" : roll < failRate + 0.03 ? "Stopped" : "Succeeded";
      deployments.push({
        id: `d-${random.alnum(9)}`,
        group,
        configName,
        status,
        createdAt,
        completedAt: new Date(
          createdAt.getTime() + (configName === CANARY_CONFIG ? random.int(8, 15) : random.int(2, 5)) * 60_000,
        ),
        rolledBack: status !== "Succeeded" && group.rollbackEvents.length > 1,
        commitId: null,
        repository: null,
        creator: "user",
      });
    }
  }
  // Commits come from a stream of their own, so the deployments above stay what they always were.
  for (const d of deployments) {
    if (!d.group.application.endsWith("-api")) continue;
    d.repository = `demo-org/${d.group.application}`;
    d.commitId = createRandom(data.seed, "codedeploy-commit", accountId, d.id).hex(40);
  }
  return { applications, groups, deployments: deployments.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()) };
}

export function deploymentData(data: DemoData, accountId: string): DeploymentData {
  return data.memo(`codedeploy:${accountId}`, () => deploymentsFor(data, accountId));
}
