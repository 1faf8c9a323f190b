/** Public us-east-1 Linux on-demand prices (USD/hour) for the instance types the story uses. */
export const HOURLY_PRICE: Record<string, number> = {
  "m5.xlarge": 0.192,
  "c5.2xlarge": 0.34,
  "r5.large": 0.126,
  "m7g.xlarge": 0.1632,
  "c7g.2xlarge": 0.289,
  "r7g.large": 0.1071,
  "db.r6g.large": 0.225,
};

export const X86_MIX = [
  ["m5.xlarge", 0.5],
  ["c5.2xlarge", 0.3],
  ["r5.large", 0.2],
] as const;
export const GRAVITON_MIX = [
  ["m7g.xlarge", 0.5],
  ["c7g.2xlarge", 0.3],
  ["r7g.large", 0.2],
] as const;
// Karpenter diversifies Spot across both architectures.
export const SPOT_MIX = [
  ["m7g.xlarge", 0.4],
  ["c7g.2xlarge", 0.3],
  ["m5.xlarge", 0.3],
] as const;

export const RI_INSTANCE_TYPE = "m5.xlarge";
/** Effective rates as a fraction of on-demand: 1-year no-upfront RI, Compute SP, average Spot. */
export const RI_RATE = 0.6;
export const SAVINGS_PLAN_RATE = 0.72;
export const SPOT_RATE = 0.35;

export const PURCHASE = {
  onDemand: "On Demand Instances",
  spot: "Spot Instances",
  reserved: "Standard Reserved Instances",
  savingsPlans: "Savings Plans",
} as const;

export const SERVICE = {
  ec2: "Amazon Elastic Compute Cloud - Compute",
  ec2Other: "EC2 - Other",
  rds: "Amazon Relational Database Service",
  s3: "Amazon Simple Storage Service",
  cloudWatch: "AmazonCloudWatch",
  xray: "AWS X-Ray",
  eks: "Amazon Elastic Container Service for Kubernetes",
  lambda: "AWS Lambda",
  ecr: "Amazon EC2 Container Registry (ECR)",
  cloudTrail: "AWS CloudTrail",
  savingsPlans: "Savings Plans for AWS Compute usage",
} as const;

export const NODEPOOL_TAG = "karpenter.sh/nodepool";
export const NO_INSTANCE_TYPE = "NoInstanceType";

const SIZE_FACTOR: Record<string, number> = { large: 4, xlarge: 8, "2xlarge": 16 };

/** RI normalization units per hour, as CE's NormalizedUsageAmount counts them. */
const factors = new Map<string, number>();
export function normalizationFactor(instanceType: string): number {
  let factor = factors.get(instanceType);
  if (factor === undefined) {
    factor = SIZE_FACTOR[instanceType.split(".").pop() ?? ""] ?? 0;
    factors.set(instanceType, factor);
  }
  return factor;
}

export function hourlyPrice(instanceType: string): number {
  return HOURLY_PRICE[instanceType] ?? 0.1;
}
