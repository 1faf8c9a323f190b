import { describe, expect, it } from "vitest";
import { costReadPlan, nextMark, planAfterProbe } from "./cost-read-plan";

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("what a sync reads from Cost Explorer", () => {
  it("first sync: twelve closed months and the month to date, by month", () => {
    const plan = costReadPlan({ now: at("2026-12-03"), mark: null });
    expect(plan).toEqual({ months: { start: "2025-12-01", end: "2026-12-03" }, probe: null });
    // On the 3rd, November is still estimated: the next syncs ask whether it is final yet.
    expect(nextMark({ now: at("2026-12-03"), estimatedMonths: new Set(["2026-11-01", "2026-12-01"]) })).toEqual({
      finalBefore: day("2026-11-01"),
      readAt: at("2026-12-03"),
    });
  });

  it("a new month: the month just closed is read whole once, then only probed while it is estimated", () => {
    const closing = costReadPlan({ now: at("2027-01-01"), mark: { finalBefore: day("2026-12-01"), readAt: at("2026-12-31") } });
    expect(closing).toEqual({ months: { start: "2026-12-01", end: "2027-01-01" }, probe: null });
    const mark = nextMark({ now: at("2027-01-01"), estimatedMonths: new Set(["2026-12-01"]) });
    expect(mark.finalBefore).toEqual(day("2026-12-01"));

    const probing = costReadPlan({ now: at("2027-01-03"), mark });
    expect(probing).toEqual({
      months: { start: "2027-01-01", end: "2027-01-03" },
      probe: { start: "2026-12-01", end: "2027-01-01" },
    });
    expect(planAfterProbe(probing, { estimated: true })).toEqual(probing);
    // Still estimated: the probe's flag keeps the mark where it was.
    expect(nextMark({ now: at("2027-01-03"), estimatedMonths: new Set(["2026-12-01", "2027-01-01"]) }).finalBefore).toEqual(
      day("2026-12-01"),
    );
  });

  it("the day last month is final it is read whole once more, and never again", () => {
    const mark = { finalBefore: day("2026-12-01"), readAt: at("2027-01-05") };
    const final = planAfterProbe(costReadPlan({ now: at("2027-01-06"), mark }), { estimated: false });
    expect(final.months).toEqual({ start: "2026-12-01", end: "2027-01-06" });
    const after = nextMark({ now: at("2027-01-06"), estimatedMonths: new Set(["2027-01-01"]) });
    expect(after.finalBefore).toEqual(day("2027-01-01"));
    expect(costReadPlan({ now: at("2027-01-07"), mark: after })).toEqual({
      months: { start: "2027-01-01", end: "2027-01-07" },
      probe: null,
    });
  });

  it("a second sync on the 1st reads nothing of the new month, only the probe", () => {
    const mark = { finalBefore: day("2026-12-01"), readAt: at("2027-01-01") };
    const plan = costReadPlan({ now: at("2027-01-01"), mark });
    expect(plan).toEqual({ months: null, probe: { start: "2026-12-01", end: "2027-01-01" } });
    expect(planAfterProbe(plan, { estimated: false }).months).toEqual({ start: "2026-12-01", end: "2027-01-01" });
  });

  it("after a long pause: every month not yet final, never beyond what Cost Explorer keeps", () => {
    const paused = costReadPlan({ now: at("2026-12-10"), mark: { finalBefore: day("2026-08-01"), readAt: at("2026-08-20") } });
    expect(paused).toEqual({ months: { start: "2026-08-01", end: "2026-12-10" }, probe: null });
    // Months before last month count as final whatever the flags say.
    expect(nextMark({ now: at("2026-12-10"), estimatedMonths: new Set(["2026-10-01", "2026-12-01"]) }).finalBefore).toEqual(
      day("2026-12-01"),
    );
    const ancient = costReadPlan({ now: at("2026-12-10"), mark: { finalBefore: day("2024-01-01"), readAt: at("2024-01-20") } });
    expect(ancient.months?.start).toBe("2025-12-01");
  });
});
