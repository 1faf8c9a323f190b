import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetDimensionValuesCommand,
  GetReservationCoverageCommand,
  GetReservationUtilizationCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
  InvalidNextTokenException,
  LimitExceededException,
  type ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator, type TestCredentials } from "../test-support";

const today = new Date("2026-11-20T00:00:00Z");
const EC2 = "Amazon Elastic Compute Cloud - Compute";

function sumGroups(results: ResultByTime[], metric: string, match: (keys: string[]) => boolean): number {
  let total = 0;
  for (const r of results)
    for (const g of r.Groups ?? []) if (match(g.Keys ?? [])) total += Number(g.Metrics?.[metric]?.Amount ?? 0);
  return total;
}

describe("Cost Explorer over awsJson1_1", () => {
  let sim: RunningSimulator;
  let payer: TestCredentials;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    sim = await startTestSimulator({ today });
    payer = await assumeDemoRole(sim, sim.state.managementAccountId);
    ce = new CostExplorerClient(clientConfig(sim, payer));
  });
  afterAll(() => sim.close());

  it("tells the Graviton and Spot story month by month", async () => {
    const result = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: "2025-11-01", End: "2026-11-01" },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost", "AmortizedCost", "UsageQuantity"],
        Filter: { Dimensions: { Key: "SERVICE", Values: [EC2] } },
        GroupBy: [
          { Type: "DIMENSION", Key: "INSTANCE_TYPE" },
          { Type: "DIMENSION", Key: "PURCHASE_TYPE" },
        ],
      }),
    );
    const months = result.ResultsByTime ?? [];
    expect(months).toHaveLength(12);
    expect(months[0]?.Total).toEqual({});
    const share = (r: ResultByTime, match: (keys: string[]) => boolean) =>
      sumGroups([r], "UnblendedCost", match) / sumGroups([r], "UnblendedCost", () => true);
    const graviton = (k: string[]) => /^[a-z]+\d+g/.test(k[0] ?? "");
    const spot = (k: string[]) => k[1] === "Spot Instances";
    const first = months[0];
    const last = months[11];
    if (!first || !last) throw new Error("missing months");
    expect(share(first, graviton)).toBeGreaterThan(0.06);
    expect(share(first, graviton)).toBeLessThan(0.15);
    expect(share(last, graviton)).toBeGreaterThan(0.38);
    expect(share(last, graviton)).toBeLessThan(0.52);
    expect(share(first, spot)).toBe(0);
    expect(share(last, spot)).toBeGreaterThan(0.18);
    expect(share(last, spot)).toBeLessThan(0.3);
    expect(last.Estimated).toBe(false);
  });

  it("pages a large daily query and flags the current month as estimated", async () => {
    const results: ResultByTime[] = [];
    let pages = 0;
    let token: string | undefined;
    // GetCostAndUsage has no SDK paginator: callers loop on NextPageToken, as the app will.
    do {
      const page = await ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: "2025-11-01", End: "2026-11-20" },
          Granularity: "DAILY",
          Metrics: ["UnblendedCost"],
          GroupBy: [
            { Type: "DIMENSION", Key: "LINKED_ACCOUNT" },
            { Type: "DIMENSION", Key: "SERVICE" },
          ],
          NextPageToken: token,
        }),
      );
      pages++;
      results.push(...(page.ResultsByTime ?? []));
      expect(page.DimensionValueAttributes?.length).toBe(12);
      token = page.NextPageToken;
    } while (token);
    expect(pages).toBeGreaterThan(1);
    const days = new Set(results.map((r) => r.TimePeriod?.Start));
    expect(days.size).toBe(384);
    expect(results.at(-1)?.Estimated).toBe(true);
    expect(results[0]?.Estimated).toBe(false);
  });

  it("groups by the karpenter.sh/nodepool tag", async () => {
    const result = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost"],
        Filter: { Dimensions: { Key: "SERVICE", Values: [EC2] } },
        GroupBy: [{ Type: "TAG", Key: "karpenter.sh/nodepool" }],
      }),
    );
    const keys = result.ResultsByTime?.[0]?.Groups?.map((g) => g.Keys?.[0]);
    expect(keys).toEqual([
      "karpenter.sh/nodepool$",
      "karpenter.sh/nodepool$default",
      "karpenter.sh/nodepool$graviton",
      "karpenter.sh/nodepool$spot",
    ]);
  });

  it("shows a member account only its own costs", async () => {
    const member = sim.state.organization.accounts[4]?.id ?? "";
    const client = new CostExplorerClient(clientConfig(sim, await assumeDemoRole(sim, member)));
    const result = await client.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-10-03" },
        Granularity: "DAILY",
        Metrics: ["UnblendedCost"],
        GroupBy: [{ Type: "DIMENSION", Key: "LINKED_ACCOUNT" }],
      }),
    );
    expect(result.ResultsByTime?.[0]?.Groups?.map((g) => g.Keys?.[0])).toEqual([member]);
  });

  it("reports Reserved Instances going idle after Karpenter arrives", async () => {
    const result = await ce.send(
      new GetReservationUtilizationCommand({ TimePeriod: { Start: "2025-11-01", End: "2026-11-01" }, Granularity: "MONTHLY" }),
    );
    const utilisation = (result.UtilizationsByTime ?? []).map((u) => Number(u.Total?.UtilizationPercentage));
    expect(utilisation[0]).toBeGreaterThan(95);
    expect(utilisation.at(-1)).toBeLessThan(75);
    expect(Number(result.Total?.RICostForUnusedHours)).toBeGreaterThan(0);
    const coverage = await ce.send(
      new GetReservationCoverageCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
        GroupBy: [{ Type: "DIMENSION", Key: "INSTANCE_TYPE" }],
      }),
    );
    const m5 = coverage.CoveragesByTime?.[0]?.Groups?.find((g) => g.Attributes?.instanceType === "m5.xlarge");
    expect(Number(m5?.Coverage?.CoverageHours?.CoverageHoursPercentage)).toBe(100);
  });

  it("reports a Savings Plan with some waste", async () => {
    const result = await ce.send(
      new GetSavingsPlansUtilizationCommand({ TimePeriod: { Start: "2026-08-01", End: "2026-11-01" }, Granularity: "MONTHLY" }),
    );
    const percent = Number(result.Total?.Utilization?.UtilizationPercentage);
    expect(percent).toBeGreaterThan(70);
    expect(percent).toBeLessThan(95);
    const coverage = await ce.send(
      new GetSavingsPlansCoverageCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
        GroupBy: [{ Type: "DIMENSION", Key: "LINKED_ACCOUNT" }],
        MaxResults: 5,
      }),
    );
    expect(coverage.SavingsPlansCoverages).toHaveLength(5);
    expect(coverage.NextToken).toBeDefined();
  });

  it("lists dimension values", async () => {
    const result = await ce.send(
      new GetDimensionValuesCommand({ TimePeriod: { Start: "2026-10-01", End: "2026-11-01" }, Dimension: "PURCHASE_TYPE" }),
    );
    expect(result.DimensionValues?.map((d) => d.Value)).toContain("Spot Instances");
  });

  it("throttles with LimitExceededException and rejects foreign tokens", async () => {
    sim.state.addFault({ kind: "throttle", service: "ce", action: "GetCostAndUsage", times: 1 });
    const input = {
      TimePeriod: { Start: "2026-10-01", End: "2026-10-02" },
      Granularity: "DAILY" as const,
      Metrics: ["UnblendedCost"],
    };
    expect(await captureError(() => ce.send(new GetCostAndUsageCommand(input)))).toBeInstanceOf(LimitExceededException);
    expect(await captureError(() => ce.send(new GetCostAndUsageCommand({ ...input, NextPageToken: "x" })))).toBeInstanceOf(
      InvalidNextTokenException,
    );
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    const query = new GetCostAndUsageCommand({
      TimePeriod: { Start: "2026-09-01", End: "2026-10-01" },
      Granularity: "MONTHLY",
      Metrics: ["UnblendedCost"],
    });
    const total = async (seed: number) => {
      const other = await startTestSimulator({ seed, today });
      const client = new CostExplorerClient(clientConfig(other, await assumeDemoRole(other, other.state.managementAccountId)));
      const amount = (await client.send(query)).ResultsByTime?.[0]?.Total?.UnblendedCost?.Amount;
      await other.close();
      return amount;
    };
    expect(await total(7)).toBe((await ce.send(query)).ResultsByTime?.[0]?.Total?.UnblendedCost?.Amount);
    expect(await total(8)).not.toBe(await total(7));
  });
});
