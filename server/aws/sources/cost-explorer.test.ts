import { describe, expect, it, vi } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import {
  costWindow,
  dailyCostByAccountAndNodePool,
  dailyCostByAccountAndService,
  dailyCostByNodePool,
  dailyEc2ByInstanceAndPurchaseType,
  dailyEc2ByInstanceType,
  dailyEc2ByPurchaseType,
  EC2_COMPUTE_SERVICE,
  tagValueOf,
} from "./cost-explorer";
import { formatDay } from "./cost-window";
import { collect, countCalls, demoContext, failureWith, sumDecimals, toScaled, withThrottling } from "./test-support";

const sim = useAwsSimulator();
const payer = () => demoContext(sim.current, sim.current.state.managementAccountId);
const window = () => costWindow({ now: new Date() });
// Each amount is rounded to 10 decimals by CE; sums over ~40k groups may drift by well under this.
const TOLERANCE = toScaled("0.00001");

function closeTo(a: string, b: string): boolean {
  const diff = toScaled(a) - toScaled(b);
  return (diff < 0n ? -diff : diff) <= TOLERANCE;
}

/** Days of demo data inside the window: the simulator keeps 13 months up to yesterday. */
function dataDays(): string[] {
  const timeline = sim.current.state.data.costs.timeline;
  return Array.from({ length: timeline.dayCount }, (_, d) => formatDay(timeline.dateOf(d)));
}

const isGraviton = (instanceType: string) => /^(a1|[a-z]+\d+g[a-z0-9]*)\./.test(instanceType);

describe("Cost Explorer cost and usage", () => {
  it("reads 13 months of daily cost by account and service, page by page", async () => {
    const ctx = payer();
    const { records, pages } = await collect(dailyCostByAccountAndService(ctx, window()));
    expect(pages).toBeGreaterThan(1);
    expect(countCalls(ctx, "GetCostAndUsage")).toBe(pages);
    expect(new Set(records.map((r) => r.day))).toEqual(new Set(dataDays()));
    expect(new Set(records.map((r) => r.accountId))).toEqual(new Set(sim.current.state.organization.accounts.map((a) => a.id)));
    expect(records.every((r) => /^-?\d+(\.\d+)?$/.test(r.unblendedCost) && r.currency === "USD")).toBe(true);
    const byDay = new Map(records.map((r) => [r.day, r.estimated]));
    expect(byDay.get(dataDays()[0] ?? "")).toBe(false);
    expect(byDay.get(dataDays().at(-1) ?? "")).toBe(true);

    const ec2 = records.filter((r) => r.service === EC2_COMPUTE_SERVICE).map((r) => r.unblendedCost);
    const byPurchase = await collect(dailyEc2ByPurchaseType(payer(), window()));
    expect(closeTo(sumDecimals(ec2), sumDecimals(byPurchase.records.map((r) => r.unblendedCost)))).toBe(true);
  });

  it("asks for the next page while the caller still holds the current one, and drops it on an early stop", async () => {
    const ctx = payer();
    const pages = dailyCostByAccountAndService(ctx, window());
    const first = await pages.next();
    expect(first.done).toBe(false);
    await vi.waitFor(() => expect(countCalls(ctx, "GetCostAndUsage")).toBe(2));
    expect(await pages.return(undefined)).toEqual({ done: true, value: undefined });
    expect(countCalls(ctx, "GetCostAndUsage")).toBe(2);
  });

  it("shows the Graviton share of EC2 spend rising month by month", async () => {
    const ctx = payer();
    const { records, pages } = await collect(dailyEc2ByInstanceType(ctx, window()));
    expect(countCalls(ctx, "GetCostAndUsage")).toBe(pages);
    const spenders = sim.current.state.organization.accounts.filter(
      (a) => sim.current.state.data.costs.profile(a.index).ec2Base > 0,
    );
    expect(new Set(records.map((r) => r.accountId))).toEqual(new Set(spenders.map((a) => a.id)));

    const months = [...new Set(records.map((r) => r.day.slice(0, 7)))].sort();
    const share = (month: string) => {
      const rows = records.filter((r) => r.day.startsWith(month));
      const graviton = toScaled(sumDecimals(rows.filter((r) => isGraviton(r.instanceType)).map((r) => r.unblendedCost)));
      const total = toScaled(sumDecimals(rows.map((r) => r.unblendedCost)));
      return Number((graviton * 10_000n) / total) / 10_000;
    };
    const first = share(months[0] ?? "");
    const lastFull = share(months.at(-2) ?? "");
    expect(first).toBeGreaterThan(0.06);
    expect(first).toBeLessThan(0.15);
    expect(lastFull).toBeGreaterThan(0.38);
    expect(lastFull).toBeLessThan(0.52);
  });

  it("splits EC2 by instance and purchase type organisation-wide, with Spot arriving mid-year", async () => {
    const { records } = await collect(dailyEc2ByInstanceAndPurchaseType(payer(), window()));
    const months = [...new Set(records.map((r) => r.day.slice(0, 7)))].sort();
    const spot = (month: string) =>
      sumDecimals(
        records.filter((r) => r.day.startsWith(month) && r.purchaseType === "Spot Instances").map((r) => r.unblendedCost),
      );
    expect(spot(months[0] ?? "")).toBe("0");
    expect(toScaled(spot(months.at(-2) ?? ""))).toBeGreaterThan(0n);
    const byType = await collect(dailyEc2ByInstanceType(payer(), window()));
    expect(
      closeTo(sumDecimals(records.map((r) => r.amortizedCost)), sumDecimals(byType.records.map((r) => r.amortizedCost))),
    ).toBe(true);
  });

  it("parses Karpenter node-pool tag groups, untagged included", async () => {
    expect(tagValueOf("karpenter.sh/nodepool$spot", "karpenter.sh/nodepool")).toBe("spot");
    expect(tagValueOf("karpenter.sh/nodepool$", "karpenter.sh/nodepool")).toBe("");
    expect(tagValueOf("Environment$Dev", "karpenter.sh/nodepool")).toBe("Dev");
    const month = { start: formatDay(new Date(Date.now() - 40 * 86_400_000)), end: window().end };
    const pools = await collect(dailyCostByNodePool(payer(), month));
    expect(new Set(pools.records.map((r) => r.nodePool))).toEqual(new Set(["", "default", "graviton", "spot"]));
    expect(pools.records.filter((r) => r.nodePool === "spot").every((r) => r.purchaseType === "Spot Instances")).toBe(true);
    const perAccount = await collect(dailyCostByAccountAndNodePool(payer(), month));
    const karpenterAccounts = sim.current.state.organization.accounts.filter(
      (a) => sim.current.state.data.costs.profile(a.index).karpenterDelay !== undefined,
    );
    expect(new Set(perAccount.records.filter((r) => r.nodePool === "spot").map((r) => r.accountId))).toEqual(
      new Set(karpenterAccounts.map((a) => a.id)),
    );
  });

  it("surfaces AccessDenied, retries throttling, and stops when aborted", async () => {
    const ctx = payer();
    const day = { start: formatDay(new Date(Date.now() - 3 * 86_400_000)), end: window().end };
    const denied = await failureWith(sim.current, { service: "ce", action: "GetCostAndUsage" }, () =>
      collect(dailyCostByAccountAndService(ctx, day)),
    );
    expect(denied).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const throttled = await withThrottling(sim.current, { service: "ce", action: "GetCostAndUsage" }, () =>
      collect(dailyCostByAccountAndService(ctx, day)),
    );
    expect(throttled.throttled).toBe(2);
    expect(throttled.result.records.length).toBeGreaterThan(0);
    const aborted = { ...payer(), signal: AbortSignal.abort() };
    await expect(collect(dailyCostByAccountAndService(aborted, day))).rejects.toMatchObject({ name: "AbortError" });
    expect(aborted.calls).toEqual([]);
  });
});

describe("costWindow", () => {
  it("takes 13 months on the first sync and re-reads from last month afterwards", () => {
    const now = new Date("2026-03-15T22:30:00Z");
    expect(costWindow({ now })).toEqual({ start: "2025-03-01", end: "2026-03-16" });
    expect(costWindow({ now, lastSyncedAt: new Date("2026-03-14T00:00:00Z") })).toEqual({
      start: "2026-02-01",
      end: "2026-03-16",
    });
    expect(costWindow({ now: new Date("2026-01-31T23:59:59Z"), lastSyncedAt: new Date() })).toEqual({
      start: "2025-12-01",
      end: "2026-02-01",
    });
    expect(costWindow({ now: new Date("2025-12-31T00:00:00Z") })).toEqual({ start: "2024-12-01", end: "2026-01-01" });
  });

  it("sums decimal strings exactly", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["40.3543773134", "0.2682364644", "-0.0000000001"])).toBe("40.6226137777");
  });
});
