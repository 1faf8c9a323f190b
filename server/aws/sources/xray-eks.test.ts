import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { clusters as simulatedClusters, samplingRules } from "~/simulator/data/clusters";
import { fetchEksClusters } from "./eks";
import { countCalls, demoContext, failureWith, withThrottling } from "./test-support";
import { fetchSamplingRules } from "./xray";

const sim = useAwsSimulator();

function accountIn(environment: string): string {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === environment);
  if (!account) throw new Error(`no ${environment} account`);
  return account.id;
}

describe("X-Ray sampling rules", () => {
  it("finds the prod account that samples every request", async () => {
    const accountId = accountIn("prod");
    const rules = await fetchSamplingRules(demoContext(sim.current, accountId));
    const expected = samplingRules(sim.current.state.data, accountId);
    expect(rules.map((r) => r.ruleName)).toEqual([...expected].sort((a, b) => a.priority - b.priority).map((r) => r.name));
    expect(rules.find((r) => r.fixedRate === 1)).toMatchObject({
      ruleName: "debug-all-requests",
      reservoirSize: 50,
      serviceName: "*",
    });
    expect(rules.every((r) => r.ruleArn.startsWith(`arn:aws:xray:us-east-1:${accountId}:sampling-rule/`))).toBe(true);
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, accountIn("staging"));
    expect(
      await failureWith(sim.current, { service: "xray", action: "GetSamplingRules" }, () => fetchSamplingRules(ctx)),
    ).toEqual({
      name: "AccessDeniedException",
      kind: "access-denied",
    });
    const { result, throttled } = await withThrottling(sim.current, { service: "xray", action: "GetSamplingRules" }, () =>
      fetchSamplingRules(ctx),
    );
    expect(throttled).toBe(2);
    expect(result).toHaveLength(samplingRules(sim.current.state.data, ctx.accountId).length);
  });
});

describe("EKS clusters", () => {
  it("reads clusters with logging, tags and add-ons", async () => {
    const accountId = accountIn("prod");
    const expected = simulatedClusters(sim.current.state.data, accountId);
    const ctx = demoContext(sim.current, accountId);
    const { clusters, addons } = await fetchEksClusters(ctx);
    expect(clusters.map((c) => c.arn)).toEqual(expected.map((c) => c.arn));
    expect(clusters[0]).toMatchObject({
      version: expected[0]?.version,
      status: "ACTIVE",
      tags: expected[0]?.tags,
      endpointPublicAccess: false,
      loggingEnabledTypes: ["api", "audit", "authenticator"],
    });
    const addonCount = expected.reduce((n, c) => n + c.addons.length, 0);
    expect(addons).toHaveLength(addonCount);
    expect(countCalls(ctx, "DescribeAddon")).toBe(addonCount);
    expect(addons.map((a) => a.addonName)).toContain("adot");
  });

  it("has no clusters in a sandbox, surfaces AccessDenied and retries throttling", async () => {
    expect((await fetchEksClusters(demoContext(sim.current, accountIn("sandbox")))).clusters).toEqual([]);
    const ctx = demoContext(sim.current, accountIn("prod"));
    expect(await failureWith(sim.current, { service: "eks", action: "DescribeCluster" }, () => fetchEksClusters(ctx))).toEqual({
      name: "AccessDeniedException",
      kind: "access-denied",
    });
    const { result, throttled } = await withThrottling(sim.current, { service: "eks", action: "ListClusters" }, () =>
      fetchEksClusters(ctx),
    );
    expect(throttled).toBe(2);
    expect(result.clusters).toHaveLength(1);
  });
});
