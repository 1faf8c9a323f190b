import { ids } from "../context";
import type { FisExperimentEvidence } from "../evidence";
import { outcome } from "../results";
import { decided, listed, type Rule, type RuleInput } from "./rule";

const RECENT_DAYS = 90;
const FINDING_DEADLINE_DAYS = 30;
const RAN = new Set(["completed", "stopped"]);

const isGuarded = (stopConditions: ReadonlyArray<{ source: string }>) => stopConditions.some((s) => s.source !== "none");

function fisOf({ ctx, check, account }: RuleInput) {
  return {
    templates: ctx.fresh(ctx.rows("fisTemplates", account.accountId), check),
    experiments: ctx.fresh(ctx.rows("fisExperiments", account.accountId), check),
  };
}

const ran = (e: FisExperimentEvidence) => RAN.has(e.status.toLowerCase()) && e.startTime !== null;

export const fisTemplatesExist: Rule = (input) => {
  const { templates } = fisOf(input);
  return templates.length
    ? outcome.pass(`${templates.length} experiment template(s).`, ids(templates))
    : outcome.fail("No FIS experiment templates in the account.");
};

export const fisStopConditions: Rule = (input) => {
  const { templates } = fisOf(input);
  if (!templates.length) return outcome.notApplicable("No experiment templates.");
  const unguarded = templates.filter((t) => !t.hasStopConditions || !isGuarded(t.stopConditions));
  return unguarded.length
    ? outcome.fail(
        `Templates nothing can stop: ${listed(unguarded.map((t) => t.templateId))}.`,
        ids(unguarded),
        decided(unguarded, (t) => ({
          hasStopConditions: t.hasStopConditions,
          stopConditions: t.stopConditions.map((s) => s.source).join(", ") || null,
        })),
      )
    : outcome.pass(`All ${templates.length} template(s) have stop conditions.`, ids(templates));
};

export const fisExperimentRecent: Rule = (input) => {
  const { templates, experiments } = fisOf(input);
  if (!templates.length) return outcome.notApplicable("No experiment templates.");
  const since = input.ctx.daysAgo(RECENT_DAYS);
  const recent = experiments.filter((e) => ran(e) && e.startTime && e.startTime >= since);
  return recent.length
    ? outcome.pass(`${recent.length} experiment(s) ran in the last 90 days.`, ids(recent))
    : outcome.fail("No experiment ran in the last 90 days.", ids(templates));
};

/** The three complete calendar months before `now`, newest first, as "YYYY-MM". */
export function previousMonths(now: Date, count = 3): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1)).toISOString().slice(0, 7),
  );
}

export const fisExperimentsMonthly: Rule = (input) => {
  const { templates, experiments } = fisOf(input);
  if (!templates.length) return outcome.notApplicable("No experiment templates.");
  const months = previousMonths(input.ctx.now);
  const ranIn = (month: string) => experiments.filter((e) => ran(e) && e.startTime?.toISOString().startsWith(month));
  const missing = months.filter((m) => !ranIn(m).length);
  const cited = ids(months.flatMap(ranIn));
  return missing.length
    ? outcome.fail(`No experiment in ${listed(missing)}.`, cited)
    : outcome.pass(`Experiments ran in each of ${listed(months)}.`, cited);
};

// Findings are tracked on the experiment itself (tags finding and finding-status), because FIS
// has no notion of a finding and Ladder has no ticket integration.
export const chaosFindingsClosed: Rule = (input) => {
  const { ctx } = input;
  const { experiments } = fisOf(input);
  const completed = experiments.filter(ran);
  if (!completed.length) return outcome.notApplicable("No experiments have run.");
  const tracked = completed.filter((e) => e.tags.finding);
  if (!tracked.length) {
    return outcome.warning("Experiments ran but none records a finding: tag them finding and finding-status.", ids(completed));
  }
  const deadline = ctx.daysAgo(FINDING_DEADLINE_DAYS);
  const overdue = tracked.filter(
    (e) => e.tags["finding-status"]?.toLowerCase() !== "closed" && (e.endTime ?? e.startTime ?? ctx.now) < deadline,
  );
  return overdue.length
    ? outcome.fail(
        `Findings open for over 30 days: ${listed(overdue.map((e) => e.tags.finding ?? e.experimentId))}.`,
        ids(overdue),
      )
    : outcome.pass(`${tracked.length} tracked finding(s), none open past 30 days.`, ids(tracked));
};

export const fisStopAlarmsExist: Rule = (input) => {
  const { ctx, check, account } = input;
  const { templates } = fisOf(input);
  if (!templates.length) return outcome.notApplicable("No experiment templates.");
  const alarms = new Set(ctx.fresh(ctx.rows("alarms", account.accountId), check).map((a) => a.arn));
  const alarmConditions = templates.flatMap((t) =>
    t.stopConditions.filter((s) => s.source.startsWith("aws:cloudwatch")).map((s) => ({ template: t, arn: s.value ?? "" })),
  );
  if (!alarmConditions.length) return outcome.fail("No stop condition points at a CloudWatch alarm.", ids(templates));
  const dangling = alarmConditions.filter((c) => !alarms.has(c.arn));
  return dangling.length
    ? outcome.fail(
        `Stop conditions name missing alarms: ${listed(dangling.map((c) => c.arn.split(":").pop() ?? c.arn))}.`,
        ids(dangling.map((d) => d.template)),
      )
    : outcome.pass("Every alarm stop condition names a live alarm.", ids(templates));
};
