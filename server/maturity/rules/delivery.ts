import { mergeSameIncidents } from "~/server/incidents/same-incident";
import { ids } from "../context";
import type { DeploymentGroupEvidence } from "../evidence";
import { outcome } from "../results";
import { median } from "./policy-as-code";
import { decided, listed, percent, type Rule, type RuleInput } from "./rule";

const FAILURE_RATE_LIMIT = 0.15;
const RECOVERY_LIMIT_SECONDS = 3600;
const WINDOW_DAYS = 90;

const isGradual = (g: DeploymentGroupEvidence) => g.deploymentStyle === "canary" || g.deploymentStyle === "linear";
const groupName = (g: DeploymentGroupEvidence) => `${g.applicationName}/${g.groupName}`;

function groupsOf({ ctx, check, account }: RuleInput) {
  return ctx.fresh(ctx.rows("deploymentGroups", account.accountId), check);
}

export const serviceAlarmsExist: Rule = ({ ctx, check, account }) => {
  const alarms = ctx.fresh(ctx.rows("alarms", account.accountId), check);
  return alarms.length
    ? outcome.pass(`${alarms.length} CloudWatch alarm(s) watch the account.`, ids(alarms))
    : outcome.fail("No CloudWatch alarms in the account.");
};

export const codedeployInUse: Rule = (input) => {
  const { ctx, account } = input;
  const groups = groupsOf(input);
  if (!groups.length) return outcome.fail("No CodeDeploy deployment groups in the account.");
  const since = ctx.daysAgo(WINDOW_DAYS);
  const recent = ctx.rows("deployments", account.accountId).filter((d) => d.createdAt && d.createdAt >= since);
  return recent.length
    ? outcome.pass(`${recent.length} deployment(s) through ${groups.length} group(s) in 90 days.`, ids(groups))
    : outcome.fail("Deployment groups exist but nothing was deployed through them in 90 days.", ids(groups));
};

export const gradualTrafficShift: Rule = (input) => {
  const groups = groupsOf(input);
  if (!groups.length) return outcome.notApplicable("No deployment groups.");
  const sudden = groups.filter((g) => !isGradual(g));
  return sudden.length
    ? outcome.fail(
        `All at once: ${listed(sudden.map(groupName))}.`,
        ids(sudden),
        decided(sudden, (g) => ({ deploymentStyle: g.deploymentStyle })),
      )
    : outcome.pass(`All ${groups.length} group(s) use canary or linear traffic shifting.`, ids(groups));
};

export const deploymentAlarmsAttached: Rule = (input) => {
  const groups = groupsOf(input);
  if (!groups.length) return outcome.notApplicable("No deployment groups.");
  const blind = groups.filter((g) => !g.alarmsEnabled || !g.alarms.length);
  return blind.length
    ? outcome.fail(
        `No alarms watched by ${listed(blind.map(groupName))}.`,
        ids(blind),
        decided(blind, (g) => ({ alarmsEnabled: g.alarmsEnabled, alarms: g.alarms.length })),
      )
    : outcome.pass(`All ${groups.length} group(s) watch CloudWatch alarms.`, ids(groups));
};

export const canaryAutoRollback: Rule = (input) => {
  const canaries = groupsOf(input).filter(isGradual);
  if (!canaries.length) return outcome.notApplicable("No canary or linear deployment groups.");
  const manual = canaries.filter((g) => !g.autoRollbackEnabled || !g.autoRollbackEvents.includes("DEPLOYMENT_STOP_ON_ALARM"));
  return manual.length
    ? outcome.fail(
        `Canaries that do not roll back on alarms: ${listed(manual.map(groupName))}.`,
        ids(manual),
        decided(manual, (g) => ({
          autoRollbackEnabled: g.autoRollbackEnabled,
          autoRollbackEvents: g.autoRollbackEvents.join(", ") || null,
        })),
      )
    : outcome.pass(`All ${canaries.length} canary group(s) roll back on alarms.`, ids(canaries));
};

export const deploymentFailureRate: Rule = ({ ctx, account }) => {
  const since = ctx.daysAgo(WINDOW_DAYS);
  const recent = ctx.rows("deployments", account.accountId).filter((d) => d.createdAt && d.createdAt >= since);
  if (!recent.length) return outcome.notApplicable("No deployments in 90 days.");
  const failed = recent.filter((d) => d.status === "Failed" || d.status === "Stopped");
  const rate = failed.length / recent.length;
  const reason = `${failed.length} of ${recent.length} deployments failed or stopped in 90 days (${percent(rate)}).`;
  const statuses = decided(failed, (d) => ({ status: d.status }));
  return rate > FAILURE_RATE_LIMIT ? outcome.fail(reason, ids(failed), statuses) : outcome.pass(reason, ids(failed), statuses);
};

export const incidentRecoveryTime: Rule = ({ ctx, account }) => {
  const since = ctx.daysAgo(WINDOW_DAYS);
  // An alarm and the page it raised are one incident: counted once, as the Incidents page counts it.
  const incidents = mergeSameIncidents(ctx.rows("incidents", account.accountId).filter((i) => i.startedAt >= since)).map(
    (i) => i.row,
  );
  if (!incidents.length) return outcome.pass("No incidents in 90 days.");
  const open = incidents.filter((i) => !i.resolvedAt);
  const durations = incidents.map(
    (i) => i.durationSeconds ?? Math.round(((i.resolvedAt ?? ctx.now).getTime() - i.startedAt.getTime()) / 1000),
  );
  const typical = median(durations);
  const reason = `Median incident over 90 days lasted ${Math.round(typical / 60)} min across ${incidents.length} incident(s)${open.length ? `, ${open.length} still open` : ""}.`;
  return typical > RECOVERY_LIMIT_SECONDS ? outcome.fail(reason, ids(incidents)) : outcome.pass(reason, ids(incidents));
};
