import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { deploymentData } from "~/simulator/data/deployments";
import { codeDeployDeployments, deploymentStrategy, fetchCodeDeploy, fetchDeploymentConfigs } from "./codedeploy";
import { collect, countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();

function accountIn(environment: string): string {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === environment);
  if (!account) throw new Error(`no ${environment} account`);
  return account.id;
}

describe("CodeDeploy", () => {
  it("reads applications, deployment groups and the configs they use", async () => {
    const accountId = accountIn("prod");
    const expected = deploymentData(sim.current.state.data, accountId);
    const { applications, deploymentGroups, deploymentConfigs } = await fetchCodeDeploy(demoContext(sim.current, accountId));
    expect(applications.map((a) => a.name)).toEqual(expected.applications.map((a) => a.name));
    expect(deploymentGroups).toHaveLength(expected.groups.length);
    for (const group of expected.groups) {
      expect(deploymentGroups.find((g) => g.groupName === group.name)).toMatchObject({
        applicationName: group.application,
        deploymentConfigName: group.configName,
        autoRollbackEvents: group.rollbackEvents,
        alarms: group.alarms,
        alarmsEnabled: true,
      });
    }
    expect(deploymentConfigs.map((c) => c.name)).toEqual([...new Set(expected.groups.map((g) => g.configName))].sort());
    const types = Object.fromEntries(deploymentConfigs.map((c) => [c.name, c.type]));
    expect(types["CodeDeployDefault.ECSCanary10Percent5Minutes"]).toBe("canary");
    expect(types["CodeDeployDefault.ECSAllAtOnce"]).toBe("all-at-once");
    expect(
      (
        await fetchDeploymentConfigs(demoContext(sim.current, accountId), ["CodeDeployDefault.ECSLinear10PercentEvery1Minutes"])
      )[0]?.type,
    ).toBe("linear");
  });

  it("names EC2 strategies from minimum healthy hosts", () => {
    expect(deploymentStrategy({ minimumHealthyHosts: { type: "FLEET_PERCENT", value: 0 } })).toBe("all-at-once");
    expect(deploymentStrategy({ minimumHealthyHosts: { type: "HOST_COUNT", value: 1 } })).toBe("rolling");
    expect(deploymentStrategy({})).toBe("unknown");
  });

  it("reads every deployment in batches of 25, and only recent ones when asked", async () => {
    const accountId = accountIn("staging");
    const expected = deploymentData(sim.current.state.data, accountId).deployments;
    const ctx = demoContext(sim.current, accountId);
    const { records, pages } = await collect(codeDeployDeployments(ctx));
    expect(records).toHaveLength(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(pages).toBeGreaterThan(1);
    expect(countCalls(ctx, "BatchGetDeployments")).toBe(Math.ceil(expected.length / 25));
    const rolledBack = expected
      .filter((d) => d.rolledBack)
      .map((d) => d.id)
      .sort();
    expect(
      records
        .filter((r) => r.rollbackInfo.rolledBack)
        .map((r) => r.id)
        .sort(),
    ).toEqual(rolledBack);
    expect(records.filter((r) => r.status !== "Succeeded").every((r) => r.errorCode !== null)).toBe(true);
    // API groups deploy GitHub revisions, whose commit is the deployed SHA; workers' AppSpec revisions name none.
    for (const d of expected) {
      const record = records.find((r) => r.id === d.id);
      expect(record).toMatchObject({ commitSha: d.commitId, creator: "user" });
      expect(record?.commitSha === null).toBe(!d.group.application.endsWith("-api"));
    }
    expect(records.filter((r) => r.commitSha !== null).every((r) => /^[0-9a-f]{40}$/.test(r.commitSha!))).toBe(true);

    const since = new Date(sim.current.state.data.today.getTime() - 30 * 86_400_000);
    const recent = await collect(codeDeployDeployments(demoContext(sim.current, accountId), { since }));
    expect(recent.records).toHaveLength(expected.filter((d) => d.createdAt.getTime() >= since.getTime()).length);
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, accountIn("prod"));
    expect(
      await failureWith(sim.current, { service: "codedeploy", action: "BatchGetDeploymentGroups" }, () => fetchCodeDeploy(ctx)),
    ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const { result, throttled } = await withThrottling(sim.current, { service: "codedeploy", action: "ListApplications" }, () =>
      fetchCodeDeploy(ctx),
    );
    expect(throttled).toBe(2);
    expect(result.applications.length).toBeGreaterThan(0);
  });
});
