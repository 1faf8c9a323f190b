import { ids } from "../context";
import type { Ec2MonthEvidence } from "../evidence";
import { outcome, type Outcome } from "../results";
import { listed, percent, type Rule, type RuleInput } from "./rule";

// Below this the shares are noise: an account spending a few dollars on EC2 has nothing to move.
const NEGLIGIBLE_EC2_SPEND = 10;
const IDLE_RI_UTILISATION = 80;
const TARGET_UTILISATION = 90;

/** The last complete calendar month before `now`, as "YYYY-MM". */
export function lastFullMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

function lastMonth({ ctx, check, account }: RuleInput): { row: Ec2MonthEvidence } | { skip: Outcome } {
  const month = lastFullMonth(ctx.now);
  const row = ctx.fresh(ctx.rows("ec2Months", account.accountId), check).find((r) => r.month === month);
  if (!row || row.ec2Cost < NEGLIGIBLE_EC2_SPEND) {
    return { skip: outcome.notApplicable(`No meaningful EC2 spend in ${month}.`, row ? [row.id] : []) };
  }
  return { row };
}

function shareAtLeast(input: RuleInput, pick: (r: Ec2MonthEvidence) => number, target: number, what: string): Outcome {
  const found = lastMonth(input);
  if ("skip" in found) return found.skip;
  const share = pick(found.row) / found.row.ec2Cost;
  const reason = `${what} was ${percent(share)} of EC2 spend in ${found.row.month} (target ${percent(target)}).`;
  return share >= target ? outcome.pass(reason, [found.row.id]) : outcome.fail(reason, [found.row.id]);
}

export const gravitonAdoption: Rule = (input) => shareAtLeast(input, (r) => r.gravitonCost, 0.1, "Graviton");
export const gravitonMajority: Rule = (input) => shareAtLeast(input, (r) => r.gravitonCost, 0.4, "Graviton");
export const spotAdoption: Rule = (input) => shareAtLeast(input, (r) => r.spotCost, 0.1, "Spot");

export const karpenterAdopted: Rule = (input) => {
  const { ctx, account } = input;
  const clusters = ctx.rows("eksClusters", account.accountId);
  const found = lastMonth(input);
  if (!clusters.length) return outcome.notApplicable("The account runs no EKS cluster.");
  if ("skip" in found) return found.skip;
  const share = found.row.nodePoolCost / found.row.ec2Cost;
  return share > 0
    ? outcome.pass(`Karpenter node pools carried ${percent(share)} of EC2 spend in ${found.row.month}.`, [found.row.id])
    : outcome.fail(`EKS runs here but no EC2 spend carries the karpenter.sh/nodepool tag in ${found.row.month}.`, [
        found.row.id,
        ...ids(clusters),
      ]);
};

export const karpenterWithIdleRi: Rule = (input) => {
  const { ctx, check, account } = input;
  const found = lastMonth(input);
  if ("skip" in found) return found.skip;
  if (found.row.nodePoolCost <= 0) return outcome.notApplicable("Karpenter is not in use here.", [found.row.id]);
  const ris = ctx.fresh(ctx.rows("commitments", account.accountId), check).filter((c) => c.kind === "ri");
  if (!ris.length) return outcome.pass("Karpenter is in use and no Reserved Instances are held here.", [found.row.id]);
  const idle = ris.filter((c) => c.utilisationPct < IDLE_RI_UTILISATION);
  return idle.length
    ? outcome.fail(
        `Karpenter provisions nodes while Reserved Instances run at ${Math.round(idle[0]?.utilisationPct ?? 0)}% utilisation.`,
        [found.row.id, ...ids(idle)],
      )
    : outcome.pass("Karpenter is in use and the Reserved Instances are used.", [found.row.id, ...ids(ris)]);
};

// Commitments are organisation totals carried by every account the payer pays for; an account
// with no instances to use them is not where they are wasted, so it is not judged on them.
export const commitmentsUtilised: Rule = (input) => {
  const { ctx, check, account } = input;
  const found = lastMonth(input);
  if ("skip" in found) return found.skip;
  const commitments = ctx.fresh(ctx.rows("commitments", account.accountId), check);
  if (!commitments.length) return outcome.notApplicable("No Reserved Instances or Savings Plans here.");
  const wasted = commitments.filter((c) => c.utilisationPct < TARGET_UTILISATION);
  return wasted.length
    ? outcome.fail(
        `Under 90% used: ${listed(wasted.map((c) => `${c.kind.toUpperCase()} at ${Math.round(c.utilisationPct)}%`))}.`,
        ids(wasted),
      )
    : outcome.pass("Every commitment is at least 90% used.", ids(commitments));
};
