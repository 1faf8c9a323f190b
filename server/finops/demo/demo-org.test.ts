import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startWorker } from "~/server/ingest/worker";
import { syncEverything } from "~/server/maturity/load/demo-org-setup";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { finopsOverview } from "../overview";
import type { FinOpsOverview } from "../types";
import { billOfMonth, type MonthBill } from "./bill";

// The demo organisation's FinOps page, checked twice:
// 1. against the simulator's own bill (simulator/data/cost-lines.ts): what the formulas of
//    research/finops.md §5 give when applied line by line to what the simulator billed, with
//    plain arithmetic, independently of Ladder's SQL and allocation (bill.ts);
// 2. against the table below, written down from the story (DESIGN.md, "The demo organisation
//    tells a story") for one fixed day, so a change of any formula shows up here.
// The clock is fixed (Date only; timers run) so that the numbers do not move with the calendar.

const NOW = new Date("2026-11-18T12:00:00Z");
vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
const sim = useAwsSimulator({ demoRoles: false, today: NOW });
let worker: Awaited<ReturnType<typeof startWorker>>;
let overview: FinOpsOverview;
let bill: MonthBill;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
  const ws = await workspaceWithDemoOrganization(sim.current, "Demo FinOps");
  await syncEverything(ws);
  overview = await finopsOverview(ws.workspace.id, {}, { now: new Date() });
  bill = billOfMonth(sim.current.state.data, "2026-10");
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  vi.useRealTimers();
});

const value = (e: { value: string | null }) => Number(e.value);
// Cost Explorer reports commitment figures rounded to the cent per day: a month of them drifts from
// the unrounded bill by a few cents at most (2 cents measured).
const ROUNDING_USD = 0.05;

describe("the demo organisation's FinOps figures", () => {
  it("reads last month by default, from Cost Explorer, finalised", () => {
    expect(overview.headline.period).toMatchObject({ key: "2026-10", from: "2026-10-01", to: "2026-11-01", estimated: false });
    expect(overview.source.kind).toBe("cost-explorer");
    expect(overview.monthToDate?.period).toMatchObject({ key: "mtd", estimated: true });
  });

  it("equals the formulas applied to the simulator's own bill, to the cent", () => {
    const h = overview.headline;
    const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(ROUNDING_USD);
    close(value(h.ec2Spend), bill.ec2Usage);
    close(value(h.realized.spot), bill.realizedSpot);
    close(value(h.waste.reservedInstances), bill.riWaste);
    close(value(h.waste.savingsPlans), bill.spWaste);
    close(value(h.realized.commitments), bill.realizedCommitments);
    close(value(h.realized.graviton), bill.realizedGraviton);
    close(value(h.onDemandEquivalent), bill.onDemandEquivalent);
    expect(value(h.esr)).toBeCloseTo(1 - (bill.ec2Usage + bill.riWaste + bill.spWaste) / bill.onDemandEquivalent, 4);
    const october = overview.trend.find((t) => t.month === "2026-10")!;
    expect(Number(october.gravitonShare)).toBeCloseTo(bill.graviton / bill.ec2Usage, 4);
    expect(Number(october.spotShare)).toBeCloseTo(bill.spot / bill.ec2Usage, 4);
  });

  it("tells the story written down for 18 November 2026", () => {
    const h = overview.headline;
    // October 2026, worked out from the cost model (cost-model.ts, cost-lines.ts) and rounded:
    expect(Math.round(value(h.ec2Spend))).toBe(40041); // EC2 instance usage, RI fee for unused hours excluded
    expect(Math.round(value(h.realized.spot))).toBe(17238); // Spot at 35% of on-demand: 65% saved
    expect(Math.round(value(h.realized.commitments))).toBe(4177); // RI + SP savings net of their waste
    expect(Math.round(value(h.waste.reservedInstances))).toBe(6658); // RIs bought before Karpenter, idle
    expect(Math.round(value(h.waste.savingsPlans))).toBe(3444); // SP sized at the on-demand peak
    expect(Math.round(value(h.realized.graviton))).toBe(4448); // price counterfactual: m7i/c7i/r7i list prices
    expect(value(h.esr)).toBeCloseTo(0.2993, 3);
    expect(h.realized.graviton.basis).toContain("price-list");
    // Graviton share rising from about 10% to about 45%; Spot from 0 to about 23% after Karpenter.
    const share = (month: string, key: "gravitonShare" | "spotShare") =>
      Number(overview.trend.find((t) => t.month === month)?.[key]);
    expect(overview.trend).toHaveLength(13);
    expect(overview.trend[0]).toMatchObject({ month: "2025-10", gravitonShare: null, spotShare: null });
    expect(share("2025-11", "gravitonShare")).toBeCloseTo(0.098, 2);
    expect(share("2026-10", "gravitonShare")).toBeCloseTo(0.472, 2);
    expect(share("2026-04", "spotShare")).toBe(0);
    expect(share("2026-10", "spotShare")).toBeCloseTo(0.231, 2);
    expect(overview.karpenterArrived).toBe("2026-05");
    // The Karpenter + idle RI gotcha: the m5.xlarge reservation bought in January, ending 1 January 2027.
    expect(overview.karpenterRiCallout).toMatchObject({ karpenterSince: "2026-05" });
    expect(overview.karpenterRiCallout?.reservations).toEqual([
      expect.objectContaining({ kind: "ri", offering: "m5.xlarge", endsAt: "2027-01-01T00:00:00.000Z", daysLeft: 44 }),
    ]);
    expect(overview.commitments.expiring.map((c) => c.kind)).toEqual(["ri"]);
  });

  it("stacks potential savings Graviton → Spot → commitments without counting a dollar twice", () => {
    const p = overview.headline.potential;
    const total = value(p.graviton) + value(p.spot) + value(p.commitments);
    expect(value(p.total)).toBeCloseTo(total, 6);
    expect(Math.round(value(p.graviton))).toBe(2553);
    // Every on-demand hour already runs under the Savings Plan: nothing is left for Spot or a new
    // commitment, and Cost Explorer's own recommendation agrees ($0/hour).
    expect(value(p.spot)).toBe(0);
    expect(value(p.commitments)).toBe(0);
    expect(overview.commitments.recommendations[0]).toMatchObject({ savingsPlansType: "COMPUTE_SP", hourlyCommitment: "0" });
  });

  it("adds the environments up to the organisation", () => {
    const sum = overview.byEnvironment.reduce((s, r) => s + Number(r.ec2Spend ?? 0), 0);
    expect(sum).toBeCloseTo(value(overview.headline.ec2Spend), 4);
  });
});
