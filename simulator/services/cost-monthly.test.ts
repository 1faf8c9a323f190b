import { CostExplorerClient, GetCostAndUsageCommand, type GetCostAndUsageCommandInput } from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, clientConfig, startTestSimulator } from "../test-support";
import { formatScaled, scaled } from "./cost-monthly";

const today = new Date("2026-11-20T00:00:00Z");

describe("Cost Explorer's MONTHLY granularity", () => {
  let sim: RunningSimulator;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    sim = await startTestSimulator({ today });
    ce = new CostExplorerClient(clientConfig(sim, await assumeDemoRole(sim, sim.state.managementAccountId)));
  });
  afterAll(() => sim.close());

  async function groups(input: GetCostAndUsageCommandInput): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    let token: string | undefined;
    do {
      const page = await ce.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }));
      for (const r of page.ResultsByTime ?? [])
        for (const g of r.Groups ?? []) {
          const key = (g.Keys ?? []).join("|");
          const text = g.Metrics?.AmortizedCost?.Amount ?? "0";
          sums.set(key, (sums.get(key) ?? 0n) + toScaled(text));
        }
      token = page.NextPageToken;
    } while (token);
    return sums;
  }

  it("states a month as the exact sum of its days, and flags it Estimated like its days", async () => {
    const query = {
      TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
      Metrics: ["AmortizedCost"],
      GroupBy: [
        { Type: "DIMENSION" as const, Key: "LINKED_ACCOUNT" },
        { Type: "DIMENSION" as const, Key: "SERVICE" },
      ],
    };
    const daily = await groups({ ...query, Granularity: "DAILY" });
    const monthly = await groups({ ...query, Granularity: "MONTHLY" });
    expect(monthly.size).toBeGreaterThan(20);
    expect([...monthly].map(([k, v]) => [k, formatScaled(v)])).toEqual([...daily].map(([k, v]) => [k, formatScaled(v)]));
    // Before the 5th of November, October would still be estimated; on the 20th it is final.
    const month = await ce.send(new GetCostAndUsageCommand({ ...query, Granularity: "MONTHLY" }));
    expect(month.ResultsByTime?.[0]?.Estimated).toBe(false);
    // Tests and benchmarks can pick the other side of the day AWS finalises it.
    sim.state.data.costs.timeline.lastMonthFinal = false;
    const open = await ce.send(new GetCostAndUsageCommand({ ...query, Granularity: "MONTHLY" }));
    sim.state.data.costs.timeline.lastMonthFinal = undefined;
    expect(open.ResultsByTime?.[0]?.Estimated).toBe(true);
  });

  it("formats sums of ten-decimal amounts without losing a digit", () => {
    expect(formatScaled(scaled(0.1) + scaled(0.2))).toBe("0.3");
    expect(formatScaled(scaled(1234.5678901234) * 31n)).toBe("38271.6045938254");
    expect(formatScaled(-scaled(0.05))).toBe("-0.05");
    expect(formatScaled(0n)).toBe("0");
  });
});

/** "12.5" → 125000000000n: the exact decimal text, not a float. */
function toScaled(text: string): bigint {
  const [whole, fraction = ""] = text.split(".");
  return BigInt(`${whole}${fraction.padEnd(10, "0")}`);
}
