import { describe, expect, it } from "vitest";
import { costReadPlan, nextMark } from "./cost-read-plan";

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("what a sync reads from Cost Explorer", () => {
  it("first sync: twelve closed months by month, the current month by day", () => {
    const plan = costReadPlan({ now: at("2026-12-03"), mark: null });
    expect(plan).toEqual({
      months: { start: "2025-12-01", end: "2026-12-01" },
      days: { start: "2026-12-01", end: "2026-12-04" },
      monthsToDate: { start: "2025-12-01", end: "2026-12-04" },
    });
    // On the 3rd, November is still estimated: it is read again until Cost Explorer closes it.
    expect(nextMark({ now: at("2026-12-03"), plan, estimatedMonths: new Set(["2026-11-01", "2026-12-01"]) })).toEqual({
      finalBefore: day("2026-11-01"),
      readAt: at("2026-12-03"),
    });
  });

  it("daily re-sync: last month by month while it is estimated, then only the days that can be restated", () => {
    const open = costReadPlan({ now: at("2026-12-04"), mark: { finalBefore: day("2026-11-01"), readAt: at("2026-12-03") } });
    expect(open.months).toEqual({ start: "2026-11-01", end: "2026-12-01" });
    expect(open.days).toEqual({ start: "2026-12-01", end: "2026-12-05" });
    const closed = nextMark({ now: at("2026-12-06"), plan: open, estimatedMonths: new Set(["2026-12-01"]) });
    expect(closed.finalBefore).toEqual(day("2026-12-01"));

    const later = costReadPlan({ now: at("2026-12-20"), mark: { finalBefore: day("2026-12-01"), readAt: at("2026-12-19") } });
    expect(later).toEqual({
      months: null,
      days: { start: "2026-12-16", end: "2026-12-21" },
      monthsToDate: { start: "2026-12-01", end: "2026-12-21" },
    });
    expect(nextMark({ now: at("2026-12-20"), plan: later, estimatedMonths: new Set() }).finalBefore).toEqual(day("2026-12-01"));
  });

  it("a new month: the month just closed is read by month, replacing its days", () => {
    const plan = costReadPlan({ now: at("2027-01-01"), mark: { finalBefore: day("2026-12-01"), readAt: at("2026-12-31") } });
    expect(plan.months).toEqual({ start: "2026-12-01", end: "2027-01-01" });
    expect(plan.days).toEqual({ start: "2027-01-01", end: "2027-01-02" });
  });

  it("after a long pause: every month not yet final, never beyond what Cost Explorer keeps", () => {
    const paused = costReadPlan({ now: at("2026-12-10"), mark: { finalBefore: day("2026-08-01"), readAt: at("2026-08-20") } });
    expect(paused.months).toEqual({ start: "2026-08-01", end: "2026-12-01" });
    expect(paused.days.start).toBe("2026-12-01");
    expect(nextMark({ now: at("2026-12-10"), plan: paused, estimatedMonths: new Set(["2026-12-01"]) }).finalBefore).toEqual(
      day("2026-12-01"),
    );
    const ancient = costReadPlan({ now: at("2026-12-10"), mark: { finalBefore: day("2024-01-01"), readAt: at("2024-01-20") } });
    expect(ancient.months?.start).toBe("2025-12-01");
  });
});
