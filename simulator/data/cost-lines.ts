import {
  GRAVITON_MIX,
  hourlyPrice,
  NO_INSTANCE_TYPE,
  normalizationFactor,
  PURCHASE,
  RI_INSTANCE_TYPE,
  RI_RATE,
  SAVINGS_PLAN_RATE,
  SERVICE,
  SPOT_MIX,
  SPOT_RATE,
  X86_MIX,
} from "./cost-catalog";
import type { CostModel } from "./cost-model";
import { noise } from "./random";

/** One row of the bill for an account and a day: what CE aggregates. */
export interface CostLine {
  service: string;
  instanceType: string;
  purchaseType: string;
  usageType: string;
  nodepool: string;
  unblended: number;
  amortized: number;
  usage: number;
  normalizedUsage: number;
}

// Simplification: RI and Savings Plan usage is priced at its effective rate in both unblended and
// amortized cost (no upfront fees, no negation lines); unused commitment is billed to the payer.
// The line builders live at module level: costLines runs for every account, day and query, and
// closures made on each call cost the simulator more than the arithmetic.
function instanceLine(
  lines: CostLine[],
  instanceType: string,
  purchaseType: string,
  odCost: number,
  rate: number,
  nodepool: string,
  usagePrefix = "BoxUsage",
): void {
  if (odCost <= 0) return;
  const hours = odCost / hourlyPrice(instanceType);
  const cost = odCost * rate;
  lines.push({
    service: SERVICE.ec2,
    instanceType,
    purchaseType,
    usageType: `${usagePrefix}:${instanceType}`,
    nodepool,
    unblended: cost,
    amortized: cost,
    usage: hours,
    normalizedUsage: hours * normalizationFactor(instanceType),
  });
}

function onDemandSplit(lines: CostLine[], spCoverage: number, instanceType: string, odCost: number, nodepool: string): void {
  const covered = odCost * spCoverage;
  instanceLine(lines, instanceType, PURCHASE.savingsPlans, covered, SAVINGS_PLAN_RATE, nodepool);
  instanceLine(lines, instanceType, PURCHASE.onDemand, odCost - covered, 1, nodepool);
}

interface OtherLine {
  lines: CostLine[];
  seed: number;
  accountIndex: number;
  day: number;
}

function otherLine(
  at: OtherLine,
  service: string,
  usageType: string,
  amount: number,
  instanceType = NO_INSTANCE_TYPE,
  usage = amount * 10,
): void {
  if (amount <= 0) return;
  const value = amount * (0.92 + 0.16 * noise(at.seed, "svc", at.accountIndex, at.day, service));
  at.lines.push({
    service,
    instanceType,
    purchaseType: PURCHASE.onDemand,
    usageType,
    nodepool: "",
    unblended: value,
    amortized: value,
    usage,
    normalizedUsage: 0,
  });
}

export function costLines(model: CostModel, accountIndex: number, day: number, seed: number): CostLine[] {
  const lines: CostLine[] = [];
  const profile = model.profile(accountIndex);
  const demand = model.ec2Demand(accountIndex, day);
  const commitments = model.commitmentDay(day);
  const sp = commitments.spCoverage;
  const karpenter = demand.karpenter;
  for (const [type, weight] of X86_MIX) {
    let odCost = demand.x86 * weight;
    if (type === RI_INSTANCE_TYPE) {
      // RIs sit on the managed node groups Karpenter is draining, hence no nodepool tag.
      const reserved = odCost * commitments.riCoverage;
      instanceLine(lines, type, PURCHASE.reserved, reserved, RI_RATE, "");
      odCost -= reserved;
    }
    onDemandSplit(lines, sp, type, odCost, karpenter ? "default" : "");
  }
  for (const [type, weight] of GRAVITON_MIX)
    onDemandSplit(lines, sp, type, demand.graviton * weight, karpenter ? "graviton" : "");
  for (const [type, weight] of SPOT_MIX)
    instanceLine(lines, type, PURCHASE.spot, demand.spot * weight, SPOT_RATE, karpenter ? "spot" : "", "SpotUsage");

  const at: OtherLine = { lines, seed, accountIndex, day };
  const growth = 1 + 0.2 * model.timeline.progress(day);
  otherLine(at, SERVICE.ec2Other, "EBS:VolumeUsage.gp3", demand.total * 0.18);
  if (profile.rdsBase > 0)
    otherLine(
      at,
      SERVICE.rds,
      "InstanceUsage:db.r6g.large",
      profile.rdsBase * growth,
      "db.r6g.large",
      (profile.rdsBase * growth) / hourlyPrice("db.r6g.large"),
    );
  otherLine(at, SERVICE.s3, "TimedStorage-ByteHrs", profile.s3Base * growth);
  otherLine(at, SERVICE.cloudWatch, "CW:MetricMonitorUsage", 4 + profile.ec2Base * 0.03);
  otherLine(at, SERVICE.xray, "XRay-TracesStored", profile.xrayHeavy ? 85 * growth : profile.hasEks ? 2 : 0);
  if (profile.hasEks) otherLine(at, SERVICE.eks, "AmazonEKS-Hours:perCluster", 2.4, NO_INSTANCE_TYPE, 24);
  otherLine(at, SERVICE.lambda, "Lambda-GB-Second", 2 + profile.ec2Base * 0.02);
  otherLine(at, SERVICE.ecr, "TimedStorage-ByteHrs", profile.hasEks ? 1.5 : 0.2);
  if (accountIndex === 0) {
    otherLine(at, SERVICE.cloudTrail, "PaidEventsRecorded", 6);
    unusedCommitmentLines(model, day, lines);
  }
  return lines;
}

function unusedCommitmentLines(model: CostModel, day: number, lines: CostLine[]): void {
  const commitments = model.commitmentDay(day);
  const unusedHours = commitments.riPurchasedHours - commitments.riUsedHours;
  if (unusedHours > 0) {
    const cost = unusedHours * model.riHourlyFee();
    lines.push({
      service: SERVICE.ec2,
      instanceType: RI_INSTANCE_TYPE,
      purchaseType: PURCHASE.reserved,
      usageType: `HeavyUsage:${RI_INSTANCE_TYPE}`,
      nodepool: "",
      unblended: cost,
      amortized: cost,
      usage: unusedHours,
      normalizedUsage: unusedHours * normalizationFactor(RI_INSTANCE_TYPE),
    });
  }
  const unusedCommitment = commitments.spCommitment - commitments.spUsed;
  if (unusedCommitment > 0.005) {
    lines.push({
      service: SERVICE.savingsPlans,
      instanceType: NO_INSTANCE_TYPE,
      purchaseType: PURCHASE.savingsPlans,
      usageType: "ComputeSP:1yrNoUpfront",
      nodepool: "",
      unblended: unusedCommitment,
      amortized: unusedCommitment,
      usage: 0,
      normalizedUsage: 0,
    });
  }
}
