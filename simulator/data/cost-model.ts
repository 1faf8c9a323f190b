import { GRAVITON_MIX, hourlyPrice, RI_INSTANCE_TYPE, RI_RATE, SAVINGS_PLAN_RATE, X86_MIX } from "./cost-catalog";
import { type CostProfile, costProfile } from "./cost-profile";
import { CostTimeline } from "./cost-timeline";
import type { Organization } from "./organization";
import { noise } from "./random";

/** One account-day of EC2 compute demand, in on-demand-equivalent USD. */
export interface Ec2Demand {
  total: number;
  spot: number;
  graviton: number;
  x86: number;
  karpenter: boolean;
}

/** Organisation-wide figures per day that commitments (shared across accounts) depend on. */
export interface CommitmentDay {
  riPurchasedHours: number;
  riUsedHours: number;
  /** Share of each account's on-demand m5.xlarge hours the RIs cover. */
  riCoverage: number;
  spCommitment: number;
  spUsed: number;
  /** Share of the remaining on-demand spend the Savings Plan covers. */
  spCoverage: number;
  spOnDemandEquivalent: number;
}

const RI_SIZING = 0.95;
// Bought at the peak of on-demand use, so later Spot adoption leaves part of it idle.
const SP_SIZING = 1.08;
const KARPENTER_SPOT_TARGET = 0.5;
const KARPENTER_RAMP_DAYS = 75;

export class CostModel {
  readonly timeline: CostTimeline;
  private readonly profiles: CostProfile[];
  private readonly dayCache = new Map<number, { m5Hours: number; eligible: number }>();
  private commitments?: { riCount: number; spHourly: number };

  constructor(
    private readonly seed: number,
    private readonly org: Organization,
    today: Date,
  ) {
    this.timeline = new CostTimeline(today);
    const xrayHeavy = org.accounts.find((a) => a.environment === "prod")?.id;
    this.profiles = org.accounts.map((account) => costProfile(seed, account, xrayHeavy));
  }

  profile(accountIndex: number): CostProfile {
    const profile = this.profiles[accountIndex];
    if (!profile) throw new Error(`no account #${accountIndex}`);
    return profile;
  }

  ec2Demand(accountIndex: number, day: number): Ec2Demand {
    const profile = this.profile(accountIndex);
    const t = this.timeline.progress(day);
    const weekday = this.timeline.isWeekend(day) ? 0.88 : 1;
    const wobble = 0.94 + 0.12 * noise(this.seed, "ec2-day", accountIndex, day);
    const total = profile.ec2Base * (1 + 0.25 * t) * weekday * wobble;
    const karpenterStart = profile.karpenterDelay === undefined ? undefined : this.timeline.karpenterDay + profile.karpenterDelay;
    const karpenter = karpenterStart !== undefined && day >= karpenterStart;
    const spotShare = karpenter
      ? KARPENTER_SPOT_TARGET * Math.min(1, (day - (karpenterStart ?? 0) + 1) / KARPENTER_RAMP_DAYS)
      : 0;
    const gravitonShare = Math.min(0.9, (0.085 + 0.33 * t) * profile.gravitonBias);
    const spot = total * spotShare;
    const onDemand = total - spot;
    return { total, spot, graviton: onDemand * gravitonShare, x86: onDemand * (1 - gravitonShare), karpenter };
  }

  /** Sums over every account, once per day and cached: the only O(accounts) work in the model. */
  private dayTotals(day: number): { m5Hours: number; eligible: number } {
    const cached = this.dayCache.get(day);
    if (cached) return cached;
    let m5Hours = 0;
    let eligible = 0;
    for (let i = 0; i < this.profiles.length; i++) {
      const demand = this.ec2Demand(i, day);
      m5Hours += (demand.x86 * X86_MIX[0][1]) / hourlyPrice(RI_INSTANCE_TYPE);
      eligible += demand.x86 + demand.graviton;
    }
    const totals = { m5Hours, eligible };
    this.dayCache.set(day, totals);
    return totals;
  }

  private commitmentSizes(): { riCount: number; spHourly: number } {
    if (this.commitments) return this.commitments;
    const { riPurchaseDay, savingsPlanDay } = this.timeline;
    const riCount = Math.max(1, Math.round((RI_SIZING * this.dayTotals(riPurchaseDay).m5Hours) / 24));
    const atSp = this.dayTotals(savingsPlanDay);
    const riCovered = Math.min(riCount * 24, atSp.m5Hours) * hourlyPrice(RI_INSTANCE_TYPE);
    const spHourly = Math.round(((SP_SIZING * (atSp.eligible - riCovered) * SAVINGS_PLAN_RATE) / 24) * 100) / 100;
    this.commitments = { riCount, spHourly };
    return this.commitments;
  }

  get reservedInstanceCount(): number {
    return this.commitmentSizes().riCount;
  }

  /** USD per hour of Savings Plan commitment. */
  get savingsPlanHourlyCommitment(): number {
    return this.commitmentSizes().spHourly;
  }

  commitmentDay(day: number): CommitmentDay {
    const { riCount, spHourly } = this.commitmentSizes();
    const totals = this.dayTotals(day);
    const riPurchasedHours = day >= this.timeline.riPurchaseDay ? riCount * 24 : 0;
    const riUsedHours = Math.min(riPurchasedHours, totals.m5Hours);
    const riCoverage = totals.m5Hours > 0 ? riUsedHours / totals.m5Hours : 0;
    const remaining = totals.eligible - riUsedHours * hourlyPrice(RI_INSTANCE_TYPE);
    const spCommitment = day >= this.timeline.savingsPlanDay ? spHourly * 24 : 0;
    const spOnDemandEquivalent = Math.min(remaining, spCommitment / SAVINGS_PLAN_RATE);
    return {
      riPurchasedHours,
      riUsedHours,
      riCoverage,
      spCommitment,
      spUsed: spOnDemandEquivalent * SAVINGS_PLAN_RATE,
      spCoverage: remaining > 0 ? spOnDemandEquivalent / remaining : 0,
      spOnDemandEquivalent,
    };
  }

  riHourlyFee(): number {
    return hourlyPrice(RI_INSTANCE_TYPE) * RI_RATE;
  }
}

export { GRAVITON_MIX };
