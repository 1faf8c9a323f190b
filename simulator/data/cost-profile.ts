import type { OrgAccount } from "./organization";
import { noise } from "./random";

/** How an account spends: the knobs the cost story turns per account. */
export interface CostProfile {
  /** On-demand-equivalent EC2 compute spend per day at the start of the year, USD. */
  ec2Base: number;
  gravitonBias: number;
  hasEks: boolean;
  /** Karpenter (and with it Spot) arrives in this account this many days after the org's Karpenter day; undefined = never. */
  karpenterDelay?: number;
  rdsBase: number;
  s3Base: number;
  /** The prod account whose X-Ray sampling is at 100% pays for it. */
  xrayHeavy: boolean;
}

const EC2_BASE: Record<OrgAccount["environment"], number> = {
  management: 6,
  "log-archive": 0,
  audit: 10,
  "shared-services": 260,
  prod: 420,
  staging: 140,
  sandbox: 45,
};

export function costProfile(seed: number, account: OrgAccount, xrayHeavyAccountId: string | undefined): CostProfile {
  const teamFactor = 0.6 + noise(seed, "team-factor", account.id);
  const workload = account.environment === "prod" || account.environment === "staging" || account.environment === "sandbox";
  const legacy = account.joinedMethod === "INVITED";
  const hasEks = account.environment === "prod" || account.environment === "staging" || account.environment === "shared-services";
  const karpenter = account.environment === "prod" || account.environment === "shared-services";
  return {
    ec2Base: legacy ? 70 : EC2_BASE[account.environment] * (workload ? teamFactor : 1),
    gravitonBias: legacy ? 0 : 0.8 + 0.4 * noise(seed, "graviton-bias", account.id),
    hasEks,
    karpenterDelay: karpenter ? Math.floor(noise(seed, "karpenter-delay", account.id) * 20) : undefined,
    rdsBase: account.environment === "prod" ? 110 * teamFactor : account.environment === "staging" ? 35 * teamFactor : 0,
    s3Base: account.environment === "log-archive" ? 45 : 4 + 20 * noise(seed, "s3", account.id),
    xrayHeavy: account.id === xrayHeavyAccountId,
  };
}
