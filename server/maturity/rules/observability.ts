import { ids } from "../context";
import type { EksAddonEvidence, SamplingRuleEvidence } from "../evidence";
import { outcome } from "../results";
import { decided, listed, percent, type Rule, type RuleInput } from "./rule";

const MIN_PROD_RATE = 0.01;
const MAX_PROD_RATE = 0.2;

export const isAdot = (a: EksAddonEvidence): boolean => /adot|opentelemetry|cloudwatch-observability/i.test(a.addonName);

/** X-Ray's Default rule exists in every account, traced or not; only other rules show intent. */
export const customSamplingRules = (rules: readonly SamplingRuleEvidence[]) => rules.filter((r) => r.ruleName !== "Default");

function tracingRows({ ctx, check, account }: RuleInput) {
  return {
    rules: ctx.fresh(ctx.rows("samplingRules", account.accountId), check),
    addons: ctx.fresh(ctx.rows("eksAddons", account.accountId), check),
    clusters: ctx.fresh(ctx.rows("eksClusters", account.accountId), check),
  };
}

export const tracingEnabled: Rule = (input) => {
  const { rules, addons } = tracingRows(input);
  const custom = customSamplingRules(rules);
  const collectors = addons.filter(isAdot);
  if (custom.length || collectors.length) {
    return outcome.pass(
      `${custom.length} sampling rule(s) beyond Default and ${collectors.length} OTel collector add-on(s).`,
      ids([...custom, ...collectors]),
    );
  }
  return outcome.fail("Only X-Ray's Default sampling rule and no OTel collector: nothing is deliberately traced.", ids(rules));
};

export const adotOnEks: Rule = (input) => {
  const { addons, clusters } = tracingRows(input);
  if (!clusters.length) return outcome.notApplicable("The account runs no EKS cluster.");
  const without = clusters.filter((c) => !addons.some((a) => a.clusterName === c.name && a.region === c.region && isAdot(a)));
  return without.length
    ? outcome.fail(`No OTel collector on ${listed(without.map((c) => c.name))}.`, ids(without))
    : outcome.pass(`All ${clusters.length} cluster(s) run an OTel collector.`, ids([...clusters, ...addons.filter(isAdot)]));
};

export const prodSamplingNot100: Rule = (input) => {
  if (input.account.environment !== "prod") return outcome.notApplicable("Full sampling is only a trap in production.");
  const { rules } = tracingRows(input);
  const full = rules.filter((r) => r.fixedRate >= 1);
  return full.length
    ? outcome.fail(
        `Sampling rule ${listed(full.map((r) => r.ruleName))} traces 100% of matching requests in production.`,
        ids(full),
        decided(full, (r) => ({ fixedRate: r.fixedRate })),
      )
    : outcome.pass("No production sampling rule traces every request.", ids(rules));
};

export const prodSamplingBounded: Rule = (input) => {
  if (input.account.environment !== "prod") return outcome.notApplicable("The sampling band is a production target.");
  const { rules } = tracingRows(input);
  if (!rules.length) return outcome.fail("No sampling rules: production traces are not sampled at all.");
  const outside = rules.filter((r) => r.fixedRate < MIN_PROD_RATE || r.fixedRate > MAX_PROD_RATE);
  return outside.length
    ? outcome.fail(
        `Outside the 1–20% band: ${listed(outside.map((r) => `${r.ruleName} at ${percent(r.fixedRate)}`))}.`,
        ids(outside),
        decided(outside, (r) => ({ fixedRate: r.fixedRate })),
      )
    : outcome.pass("Every production sampling rule is between 1% and 20%.", ids(rules));
};
