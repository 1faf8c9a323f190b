import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  TrailNotFoundException,
} from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

describe("CloudTrail over awsJson1_1", () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it("shows the organisation trail, multi-region with log file validation", async () => {
    const client = new CloudTrailClient(clientConfig(sim, await assumeDemoRole(sim, sim.state.managementAccountId)));
    const { trailList } = await client.send(new DescribeTrailsCommand({}));
    expect(trailList).toEqual([
      expect.objectContaining({
        Name: "organization-trail",
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
        LogFileValidationEnabled: true,
      }),
    ]);
    const status = await client.send(new GetTrailStatusCommand({ Name: "organization-trail" }));
    expect(status.IsLogging).toBe(true);
    expect(status.LatestDeliveryTime).toBeInstanceOf(Date);
  });

  it("gives the invited account an extra local trail without validation", async () => {
    const legacy = sim.state.organization.accounts.find((a) => a.name === "legacy-marketing");
    const client = new CloudTrailClient(clientConfig(sim, await assumeDemoRole(sim, legacy?.id ?? "")));
    const { trailList } = await client.send(new DescribeTrailsCommand({}));
    expect(trailList?.map((t) => [t.Name, t.LogFileValidationEnabled])).toEqual([
      ["organization-trail", true],
      ["marketing-trail", false],
    ]);
    const error = await captureError(() => client.send(new GetTrailStatusCommand({ Name: "nope" })));
    expect(error).toBeInstanceOf(TrailNotFoundException);
  });
});
