import type { DemoData } from "./demo-data";
import { createRandom } from "./random";

export interface Cluster {
  name: string;
  arn: string;
  version: string;
  createdAt: Date;
  karpenter: boolean;
  addons: Array<{ name: string; version: string }>;
  tags: Record<string, string>;
}

const BASE_ADDONS = [
  { name: "vpc-cni", version: "v1.19.2-eksbuild.1" },
  { name: "coredns", version: "v1.11.4-eksbuild.2" },
  { name: "kube-proxy", version: "v1.31.3-eksbuild.2" },
  { name: "aws-ebs-csi-driver", version: "v1.38.1-eksbuild.1" },
  { name: "eks-pod-identity-agent", version: "v1.3.4-eksbuild.1" },
];

function clustersFor(data: DemoData, accountId: string): Cluster[] {
  const account = data.account(accountId);
  if (!account || !["prod", "staging", "shared-services"].includes(account.environment)) return [];
  const random = createRandom(data.seed, "eks", accountId);
  const karpenter = account.environment !== "staging";
  const name = account.environment === "shared-services" ? "platform-tools" : `${account.team}-${account.environment}`;
  const addons = [...BASE_ADDONS];
  // OpenTelemetry via the ADOT add-on only where teams instrumented their services.
  if (account.environment === "prod" || random.chance(0.4)) addons.push({ name: "adot", version: "v0.109.0-eksbuild.2" });
  const tags: Record<string, string> = {
    team: account.team,
    environment: account.environment,
    "gitops-controller": account.environment === "staging" ? "none" : "argocd",
  };
  if (karpenter) tags["karpenter.sh/discovery"] = name;
  return [
    {
      name,
      arn: `arn:aws:eks:us-east-1:${accountId}:cluster/${name}`,
      version: random.pick(["1.30", "1.31", "1.32"]),
      createdAt: account.joinedAt,
      karpenter,
      addons,
      tags,
    },
  ];
}

export function clusters(data: DemoData, accountId: string): Cluster[] {
  return data.memo(`eks:${accountId}`, () => clustersFor(data, accountId));
}

export interface SamplingRule {
  name: string;
  priority: number;
  fixedRate: number;
  reservoir: number;
  serviceName: string;
}

/** The Default rule everywhere; one prod account samples every request (the seed's cost trap). */
export function samplingRules(data: DemoData, accountId: string): SamplingRule[] {
  const account = data.account(accountId);
  const rules: SamplingRule[] = [{ name: "Default", priority: 10000, fixedRate: 0.05, reservoir: 1, serviceName: "*" }];
  if (!account) return rules;
  const firstProd = data.organization.accounts.find((a) => a.environment === "prod")?.id === accountId;
  if (firstProd) rules.unshift({ name: "debug-all-requests", priority: 100, fixedRate: 1, reservoir: 50, serviceName: "*" });
  else if (["prod", "staging", "shared-services"].includes(account.environment)) {
    rules.unshift({
      name: `${account.team}-api`,
      priority: 1000,
      fixedRate: 0.1,
      reservoir: 5,
      serviceName: `${account.team}-api`,
    });
  }
  return rules;
}
