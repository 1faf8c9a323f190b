import type { Observed } from "./evidence";

// Per-account resource records: cost shares, registries and findings, chaos, alarms,
// deployments, tracing and clusters. Each mirrors the Prisma model of the same name.

/**
 * One account's EC2 compute spend over a calendar month (amortized, summed from Ec2CostDaily and
 * NodePoolCostDaily). Only the shares matter to the checks, so plain numbers are enough here.
 */
export interface Ec2MonthEvidence extends Observed {
  accountId: string;
  /** "2026-03" */
  month: string;
  ec2Cost: number;
  /** Instance families with a "g" after the generation digit: t4g, m7g, c8gd… */
  gravitonCost: number;
  /** purchaseType "Spot Instances". */
  spotCost: number;
  /** Spend carrying a karpenter.sh/nodepool tag (NodePoolCostDaily.nodePool <> ""). */
  nodePoolCost: number;
}

/**
 * One account's compute spend over a calendar month (amortized, summed from CostDaily over the
 * services that run workloads: EC2 instances, Lambda, ECS, EKS, Fargate…). Zero when Cost
 * Explorer billed the account nothing for them; absent when the cost source never reported on it.
 */
export interface ComputeSpendEvidence extends Observed {
  accountId: string;
  /** "2026-03" */
  month: string;
  computeCost: number;
}

/** CommitmentDaily averaged over the last 30 days per account and kind. */
export interface CommitmentEvidence extends Observed {
  accountId: string;
  kind: "ri" | "sp";
  utilisationPct: number;
  unusedCost: number;
}

export interface EcrRepositoryEvidence extends Observed {
  accountId: string;
  region: string;
  name: string;
  scanOnPush: boolean;
}

export interface EcrRegistryScanningEvidence extends Observed {
  accountId: string;
  region: string;
  scanType: string;
  rules: Array<{ scanFrequency: string; repositoryFilters: Array<{ filter: string; filterType: string }> }>;
}

export interface EcrImageEvidence extends Observed {
  accountId: string;
  region: string;
  repositoryName: string;
  digest: string;
  tags: string[];
  pushedAt: Date | null;
  lastPulledAt: Date | null;
  /** ECR's imageScanStatus: "COMPLETE", "ACTIVE" (enhanced), "FAILED", null when never scanned. */
  scanStatus: string | null;
}

export interface EcrFindingEvidence extends Observed {
  accountId: string;
  region: string;
  repositoryName: string;
  imageDigest: string;
  name: string;
  severity: string;
  firstObservedAt: Date | null;
}

export interface InspectorFindingEvidence extends Observed {
  /** The account the finding is about (InspectorFinding.accountId), not the one that listed it. */
  accountId: string;
  severity: string;
  status: string;
  resourceType: string | null;
  /** For ECR images: the image ARN ending in the digest. */
  resourceId: string | null;
  vulnerabilityId: string | null;
  firstObservedAt: Date | null;
}

export interface FisTemplateEvidence extends Observed {
  accountId: string;
  region: string;
  templateId: string;
  hasStopConditions: boolean;
  stopConditions: Array<{ source: string; value?: string }>;
}

export interface FisExperimentEvidence extends Observed {
  accountId: string;
  region: string;
  experimentId: string;
  templateId: string;
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  tags: Record<string, string>;
}

export interface AlarmEvidence extends Observed {
  accountId: string;
  region: string;
  arn: string;
  name: string;
  state: string;
}

export interface IncidentEvidence extends Observed {
  accountId: string | null;
  source: string;
  /** With the alarm ARN, what the same-incident rule (server/incidents/same-incident.ts) matches on. */
  service: string | null;
  alarmArn: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  durationSeconds: number | null;
}

export interface DeploymentGroupEvidence extends Observed {
  accountId: string;
  region: string;
  applicationName: string;
  groupName: string;
  deploymentStyle: "canary" | "linear" | "all-at-once" | "other";
  autoRollbackEnabled: boolean;
  autoRollbackEvents: string[];
  alarmsEnabled: boolean;
  alarms: string[];
}

export interface DeploymentEvidence extends Observed {
  accountId: string;
  applicationName: string;
  groupName: string;
  status: string;
  createdAt: Date | null;
  rolledBack: boolean;
}

export interface SamplingRuleEvidence extends Observed {
  accountId: string;
  region: string;
  ruleName: string;
  priority: number;
  fixedRate: number;
  reservoirSize: number;
  serviceName: string;
}

export interface EksClusterEvidence extends Observed {
  accountId: string;
  region: string;
  name: string;
  tags: Record<string, string>;
}

export interface EksAddonEvidence extends Observed {
  accountId: string;
  region: string;
  clusterName: string;
  addonName: string;
  status: string | null;
}
