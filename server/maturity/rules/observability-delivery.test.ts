import { describe, expect, it } from "vitest";
import type { DeploymentGroupEvidence, MaturityEvidence } from "../evidence";
import { daysAgo, evaluateCheck, nextId, organizationEvidence, PROD_ACCOUNT, STAGING_ACCOUNT } from "../test-evidence";

const seen = { observedAt: daysAgo(1) };
const rule = (ruleName: string, fixedRate: number, accountId = PROD_ACCOUNT) => ({
  id: nextId("rule"),
  accountId,
  region: "us-east-1",
  ruleName,
  priority: 100,
  fixedRate,
  reservoirSize: 1,
  serviceName: "*",
  ...seen,
});
const cluster = (name: string) => ({ id: nextId("eks"), accountId: PROD_ACCOUNT, region: "us-east-1", name, tags: {}, ...seen });
const addon = (clusterName: string, addonName: string) => ({
  id: nextId("addon"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  clusterName,
  addonName,
  status: "ACTIVE",
  ...seen,
});
const group = (overrides: Partial<DeploymentGroupEvidence> = {}): DeploymentGroupEvidence => ({
  id: nextId("dg"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  applicationName: "payments-api",
  groupName: "payments-api-prod",
  deploymentStyle: "canary",
  autoRollbackEnabled: true,
  autoRollbackEvents: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"],
  alarmsEnabled: true,
  alarms: ["payments-api-5xx-rate"],
  ...seen,
  ...overrides,
});
function deployments(evidence: MaturityEvidence, total: number, failed: number) {
  for (let i = 0; i < total; i++) {
    evidence.deployments.push({
      id: nextId("dep"),
      accountId: PROD_ACCOUNT,
      applicationName: "payments-api",
      groupName: "payments-api-prod",
      status: i < failed ? "Failed" : "Succeeded",
      createdAt: daysAgo(2 + i),
      rolledBack: i < failed,
      ...seen,
    });
  }
}

describe("OpenTelemetry checks", () => {
  it("tracing-enabled: X-Ray's Default rule alone fails; a service rule or ADOT passes", () => {
    const evidence = organizationEvidence();
    evidence.samplingRules = [rule("Default", 0.05)];
    expect(evaluateCheck(evidence, "tracing-enabled").status).toBe("fail");
    evidence.samplingRules.push(rule("payments-api", 0.1));
    expect(evaluateCheck(evidence, "tracing-enabled").status).toBe("pass");
  });

  it("tracing-enabled: never synced is no data, not a fail or a pass", () => {
    const evidence = organizationEvidence();
    evidence.sourceSyncs = evidence.sourceSyncs.filter((s) => s.source !== "tracing");
    expect(evaluateCheck(evidence, "tracing-enabled").status).toBe("no_data");
  });

  it("adot-on-eks: a cluster without the collector fails; no clusters is not applicable", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "adot-on-eks").status).toBe("not_applicable");
    evidence.eksClusters = [cluster("payments-prod"), cluster("batch-prod")];
    evidence.eksAddons = [addon("payments-prod", "adot")];
    expect(evaluateCheck(evidence, "adot-on-eks").status).toBe("fail");
    evidence.eksAddons.push(addon("batch-prod", "adot"));
    expect(evaluateCheck(evidence, "adot-on-eks").status).toBe("pass");
  });

  it("prod-sampling-not-100: a debug rule at 100% in prod fails; staging is not applicable", () => {
    const evidence = organizationEvidence();
    const debug = rule("debug-all-requests", 1);
    evidence.samplingRules = [rule("Default", 0.05), debug, rule("debug-all-requests", 1, STAGING_ACCOUNT)];
    expect(evaluateCheck(evidence, "prod-sampling-not-100")).toMatchObject({ status: "fail", evidenceIds: [debug.id] });
    expect(evaluateCheck(evidence, "prod-sampling-not-100", STAGING_ACCOUNT).status).toBe("not_applicable");
  });

  it("prod-sampling-bounded: rates must sit between 1% and 20%", () => {
    const evidence = organizationEvidence();
    evidence.samplingRules = [rule("Default", 0.05), rule("payments-api", 0.5)];
    expect(evaluateCheck(evidence, "prod-sampling-bounded").status).toBe("fail");
    evidence.samplingRules = [rule("Default", 0.05), rule("payments-api", 0.15)];
    expect(evaluateCheck(evidence, "prod-sampling-bounded").status).toBe("pass");
  });
});

describe("progressive-delivery checks", () => {
  it("service-alarms-exist: alarms pass, none fail", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "service-alarms-exist").status).toBe("fail");
    evidence.alarms = [
      { id: nextId("alarm"), accountId: PROD_ACCOUNT, region: "us-east-1", arn: "arn:a", name: "5xx", state: "OK", ...seen },
    ];
    expect(evaluateCheck(evidence, "service-alarms-exist").status).toBe("pass");
  });

  it("codedeploy-in-use: groups with deployments in 90 days pass", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "codedeploy-in-use").status).toBe("fail");
    evidence.deploymentGroups = [group()];
    expect(evaluateCheck(evidence, "codedeploy-in-use").status).toBe("fail");
    deployments(evidence, 3, 0);
    expect(evaluateCheck(evidence, "codedeploy-in-use").status).toBe("pass");
  });

  it("gradual-traffic-shift: an all-at-once group fails", () => {
    const evidence = organizationEvidence();
    const sudden = group({ groupName: "worker-prod", deploymentStyle: "all-at-once" });
    evidence.deploymentGroups = [group(), sudden];
    expect(evaluateCheck(evidence, "gradual-traffic-shift")).toMatchObject({
      status: "fail",
      evidenceIds: [sudden.id],
      decisive: { [sudden.id]: { deploymentStyle: "all-at-once" } },
    });
    evidence.deploymentGroups = [group(), group({ deploymentStyle: "linear" })];
    expect(evaluateCheck(evidence, "gradual-traffic-shift").status).toBe("pass");
  });

  it("deployment-alarms-attached: a group with alarms disabled fails", () => {
    const evidence = organizationEvidence();
    evidence.deploymentGroups = [group({ alarmsEnabled: false })];
    expect(evaluateCheck(evidence, "deployment-alarms-attached").status).toBe("fail");
    evidence.deploymentGroups = [group()];
    expect(evaluateCheck(evidence, "deployment-alarms-attached").status).toBe("pass");
  });

  it("canary-auto-rollback: a canary rolling back only on failure, not on alarms, fails", () => {
    const evidence = organizationEvidence();
    const manual = group({ autoRollbackEvents: ["DEPLOYMENT_FAILURE"] });
    evidence.deploymentGroups = [
      group({ groupName: "ok" }),
      manual,
      group({ deploymentStyle: "all-at-once", autoRollbackEnabled: false }),
    ];
    expect(evaluateCheck(evidence, "canary-auto-rollback")).toMatchObject({ status: "fail", evidenceIds: [manual.id] });
    evidence.deploymentGroups = [group()];
    expect(evaluateCheck(evidence, "canary-auto-rollback").status).toBe("pass");
  });

  it("deployment-failure-rate: 2 of 10 failing is over 15%; 1 of 10 passes", () => {
    const evidence = organizationEvidence();
    deployments(evidence, 10, 2);
    expect(evaluateCheck(evidence, "deployment-failure-rate").status).toBe("fail");
    evidence.deployments = [];
    deployments(evidence, 10, 1);
    expect(evaluateCheck(evidence, "deployment-failure-rate").status).toBe("pass");
  });

  it("incident-recovery-time: the median incident over 90 days must be under an hour", () => {
    const evidence = organizationEvidence();
    const incident = (minutes: number) => ({
      id: nextId("inc"),
      accountId: PROD_ACCOUNT,
      source: "cloudwatch",
      service: null,
      alarmArn: null,
      startedAt: daysAgo(10),
      resolvedAt: new Date(daysAgo(10).getTime() + minutes * 60_000),
      durationSeconds: minutes * 60,
      ...seen,
    });
    expect(evaluateCheck(evidence, "incident-recovery-time").status).toBe("pass");
    evidence.incidents = [incident(90), incident(120), incident(20)];
    expect(evaluateCheck(evidence, "incident-recovery-time").status).toBe("fail");
    evidence.incidents = [incident(90), incident(10), incident(20)];
    expect(evaluateCheck(evidence, "incident-recovery-time").status).toBe("pass");
  });

  it("incident-recovery-time: an alarm and the PagerDuty page it raised are one incident", () => {
    const evidence = organizationEvidence();
    const arn = `arn:aws:cloudwatch:us-east-1:${PROD_ACCOUNT}:alarm:checkout-5xx`;
    const at = (day: number, minute = 0) => new Date(daysAgo(day).getTime() + minute * 60_000);
    const row = (source: string, start: Date, minutes: number, alarmArn: string | null) => ({
      id: nextId("inc"),
      accountId: PROD_ACCOUNT,
      source,
      service: "checkout",
      alarmArn,
      startedAt: start,
      resolvedAt: new Date(start.getTime() + minutes * 60_000),
      durationSeconds: minutes * 60,
      ...seen,
    });
    // Two short alarms, one long one and the pages the long one raised three and five minutes later
    // (the page resolves later than its alarm): counted as rows, the median would be 90 minutes.
    evidence.incidents = [
      row("cloudwatch", at(30), 10, arn),
      row("cloudwatch", at(20), 20, arn),
      row("cloudwatch", at(10), 90, arn),
      row("pagerduty", at(10, 3), 95, null),
      row("pagerduty", at(10, 5), 100, null),
    ];
    const result = evaluateCheck(evidence, "incident-recovery-time");
    expect(result.reason).toBe("Median incident over 90 days lasted 20 min across 3 incident(s).");
    expect(result.status).toBe("pass");
  });
});
