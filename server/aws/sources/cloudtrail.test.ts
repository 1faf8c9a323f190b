import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { trailsVisibleTo } from "~/simulator/data/trails";
import { fetchTrails } from "./cloudtrail";
import { countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();

function ownTrails(accountId: string, region: string) {
  return trailsVisibleTo(sim.current.state.data, accountId).filter(
    (t) => t.ownerAccountId === accountId && t.homeRegion === region,
  );
}

describe("fetchTrails", () => {
  it("reads the organisation trail from the management account with its logging status", async () => {
    const management = sim.current.state.managementAccountId;
    const ctx = demoContext(sim.current, management);
    const trails = await fetchTrails(ctx);
    const expected = ownTrails(management, "us-east-1");
    expect(trails).toHaveLength(expected.length);
    expect(trails[0]).toMatchObject({
      arn: expected[0]?.arn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      logFileValidationEnabled: true,
      isLogging: true,
    });
    expect(trails[0]?.latestDeliveryTime).toBeInstanceOf(Date);
    expect(countCalls(ctx, "DescribeTrails")).toBe(1);
    expect(countCalls(ctx, "GetTrailStatus")).toBe(expected.length);
  });

  it("leaves shadow trails out and finds a member's own trail in its home region", async () => {
    const legacy = sim.current.state.organization.accounts.find((a) => a.joinedMethod === "INVITED");
    if (!legacy) throw new Error("demo organisation has no invited account");
    expect(await fetchTrails(demoContext(sim.current, legacy.id, "us-east-1"))).toHaveLength(
      ownTrails(legacy.id, "us-east-1").length,
    );
    const home = await fetchTrails(demoContext(sim.current, legacy.id, "eu-west-1"));
    expect(home).toHaveLength(ownTrails(legacy.id, "eu-west-1").length);
    expect(home[0]).toMatchObject({ isOrganizationTrail: false, logFileValidationEnabled: false, homeRegion: "eu-west-1" });
  });

  it("surfaces AccessDenied on the status call and retries throttling", async () => {
    const ctx = demoContext(sim.current, sim.current.state.managementAccountId);
    expect(await failureWith(sim.current, { service: "cloudtrail", action: "GetTrailStatus" }, () => fetchTrails(ctx))).toEqual({
      name: "AccessDeniedException",
      kind: "access-denied",
    });
    const { result, throttled } = await withThrottling(sim.current, { service: "cloudtrail", action: "DescribeTrails" }, () =>
      fetchTrails(ctx),
    );
    expect(throttled).toBe(2);
    expect(result).toHaveLength(1);
  });
});
