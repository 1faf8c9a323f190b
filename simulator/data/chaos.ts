import type { DemoData } from "./demo-data";
import { monthStart } from "./cost-timeline";
import { createRandom } from "./random";

export interface ExperimentTemplate {
  id: string;
  arn: string;
  description: string;
  actionId: string;
  actionName: string;
  resourceType: string;
  targetTags: Record<string, string>;
  parameters: Record<string, string>;
  stopConditions: Array<{ source: string; value?: string }>;
  roleArn: string;
  createdAt: Date;
  tags: Record<string, string>;
}

export interface Experiment {
  id: string;
  arn: string;
  template: ExperimentTemplate;
  status: "completed" | "stopped" | "failed";
  reason: string;
  startTime: Date;
  endTime: Date;
  tags: Record<string, string>;
}

export interface ChaosData {
  templates: ExperimentTemplate[];
  experiments: Experiment[];
}

const TEMPLATES = [
  {
    name: "eks-pod-delete",
    description: "Delete 30% of checkout pods",
    actionId: "aws:eks:pod-delete",
    resourceType: "aws:eks:pod",
    parameters: { kubernetesServiceAccount: "fis-experiments" } as Record<string, string>,
    guarded: true,
  },
  {
    name: "rds-failover",
    description: "Fail over the primary database",
    actionId: "aws:rds:failover-db-cluster",
    resourceType: "aws:rds:cluster",
    parameters: {} as Record<string, string>,
    guarded: true,
  },
  // The seed's anti-pattern: an experiment that nothing can stop once it starts.
  {
    name: "az-instance-terminate",
    description: "Terminate instances in one Availability Zone",
    actionId: "aws:ec2:terminate-instances",
    resourceType: "aws:ec2:instance",
    parameters: {} as Record<string, string>,
    guarded: false,
  },
];

function chaosFor(data: DemoData, accountId: string): ChaosData {
  const account = data.account(accountId);
  if (!account || account.environment !== "prod") return { templates: [], experiments: [] };
  const random = createRandom(data.seed, "fis", accountId);
  const id = (prefix: string) => `${prefix}${random.alnum(15, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
  const firstMonth = monthStart(data.today, -3);
  const templates = TEMPLATES.map((t): ExperimentTemplate => {
    const templateId = id("EXT");
    return {
      id: templateId,
      arn: `arn:aws:fis:us-east-1:${accountId}:experiment-template/${templateId}`,
      description: t.description,
      actionId: t.actionId,
      actionName: t.name,
      resourceType: t.resourceType,
      targetTags: { "chaos-ready": "true" },
      parameters: t.parameters,
      stopConditions: t.guarded
        ? [
            {
              source: "aws:cloudwatch:alarm",
              value: `arn:aws:cloudwatch:us-east-1:${accountId}:alarm:${account.team}-api-5xx-rate`,
            },
          ]
        : [{ source: "none" }],
      roleArn: `arn:aws:iam::${accountId}:role/fis-experiment-role`,
      createdAt: new Date(firstMonth.getTime() - random.int(5, 20) * 86_400_000),
      tags: { Name: t.name, team: account.team },
    };
  });
  const experiments: Experiment[] = [];
  for (let month = 0; month < 3; month++) {
    for (const template of templates) {
      const startTime = new Date(
        monthStart(firstMonth, month).getTime() + (9 + random.int(0, 20)) * 86_400_000 + random.int(9, 15) * 3_600_000,
      );
      if (startTime.getTime() >= data.today.getTime()) continue;
      const roll = random.next();
      const status =
        roll < 0.12 ? "failed" : roll < 0.25 && template.stopConditions[0]?.source !== "none" ? "stopped" : "completed";
      const reason =
        status === "completed"
          ? "Experiment completed."
          : status === "stopped"
            ? "Experiment stopped by stop condition."
            : "Target resolution failed.";
      const findingClosed = random.chance(0.5);
      experiments.push({
        id: id("EXP"),
        arn: "",
        template,
        status,
        reason,
        startTime,
        endTime: new Date(startTime.getTime() + random.int(6, 40) * 60_000),
        tags:
          status === "completed"
            ? { finding: `CHAOS-${random.int(100, 999)}`, "finding-status": findingClosed ? "closed" : "open" }
            : {},
      });
    }
  }
  for (const e of experiments) e.arn = `arn:aws:fis:us-east-1:${accountId}:experiment/${e.id}`;
  return { templates, experiments: experiments.sort((a, b) => b.startTime.getTime() - a.startTime.getTime()) };
}

export function chaos(data: DemoData, accountId: string): ChaosData {
  return data.memo(`fis:${accountId}`, () => chaosFor(data, accountId));
}
