import type { PracticeId } from "../catalogue";
import type { EvaluationContext } from "../context";
import type { AccountEvidence } from "../evidence";
import { outcome, type Outcome } from "../results";
import { lastFullMonth } from "./finops";

/** Practices about running workloads: nothing to instrument, deploy or break without one. */
export const WORKLOAD_PRACTICES: ReadonlySet<PracticeId> = new Set([
  "opentelemetry",
  "progressive-delivery",
  "chaos-engineering",
]);

/** Below this a month's compute bill is rounding (a test invocation, a free-tier leftover), USD. */
export const NEGLIGIBLE_COMPUTE_COST = 1;
/** How recent the syncs behind the verdict must be: as fresh as the checks they excuse. */
const MAX_AGE_DAYS = 7;

/**
 * Not applicable when the account provably runs no workloads: its compute spend last month was
 * negligible, it holds no container images and no EKS cluster. Each of the three comes from its
 * own fresh, successful sync (cost, scans, tracing), none from the practices it excuses, whose
 * empty tables would prove only that the practice is absent. Undefined when the account runs
 * something or the evidence cannot tell: missing data keeps the practice applicable.
 */
export function noWorkloads(ctx: EvaluationContext, account: AccountEvidence): Outcome | undefined {
  const gated = (["cost-explorer", "ecr", "eks"] as const).some((source) => ctx.sourceGate(source, account, MAX_AGE_DAYS));
  if (gated) return undefined;
  const month = lastFullMonth(ctx.now);
  const spend = ctx.rows("computeSpends", account.accountId).find((r) => r.month === month);
  if (!spend || spend.observedAt < ctx.daysAgo(MAX_AGE_DAYS) || spend.computeCost >= NEGLIGIBLE_COMPUTE_COST) return undefined;
  // Stale rows too: an image or cluster seen once is reason enough not to exempt the account.
  if (ctx.rows("ecrImages", account.accountId).length || ctx.rows("eksClusters", account.accountId).length) return undefined;
  return outcome.notApplicable(
    `No compute spend in ${month} ($${spend.computeCost.toFixed(2)}), no container images and no EKS clusters: ` +
      "the account runs no workloads to instrument, deploy or test.",
    [spend.id],
  );
}
