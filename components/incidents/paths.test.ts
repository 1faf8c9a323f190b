import { describe, expect, it } from "vitest";
import { incidentsExportPath, incidentsPath, monthsBefore, rangePresets, readIncidentFilters, readIncidentsPage } from "./paths";

describe("incidents URL", () => {
  it("reads the filters under the export's names and drops what is not valid", () => {
    expect(
      readIncidentFilters({
        from: "2025-12-02",
        to: "2026-12-02",
        bucket: "week",
        ou: "ou-ab12-prod",
        environment: "prod",
        account: "123456789012",
        service: "checkout",
        window: "48",
      }),
    ).toEqual({
      from: "2025-12-02",
      to: "2026-12-02",
      bucket: "week",
      ou: "ou-ab12-prod",
      environment: "prod",
      accountId: "123456789012",
      service: "checkout",
      failureWindowHours: 48,
    });
    expect(
      readIncidentFilters({ from: "2025-13-01", bucket: "day", ou: "x", environment: "qa", account: "12", window: "0" }),
    ).toEqual({});
    // A `to` at or before `from` is dropped rather than asking for an empty range.
    expect(readIncidentFilters({ from: "2026-05-01", to: "2026-04-01" })).toEqual({ from: "2026-05-01" });
  });

  it("reads the page, the chosen change and the comparison window", () => {
    expect(readIncidentsPage({ page: "3", change: "canary:1:a/b", days: "30" })).toMatchObject({
      page: 3,
      change: "canary:1:a/b",
      days: 30,
    });
    expect(readIncidentsPage({ page: "-1", days: "abc" })).toMatchObject({ page: 1, change: null, days: 90 });
    // Below the procedure's 7 days, or a failure window past 14 days, is not asked for.
    expect(readIncidentsPage({ days: "3", window: "400" })).toMatchObject({ days: 90, filters: {} });
  });

  it("writes the filters back the way it reads them, and the export carries them", () => {
    const filters = {
      from: "2025-12-02",
      bucket: "week" as const,
      ou: "/Workloads",
      accountId: "123456789012",
      failureWindowHours: 4,
    };
    const path = incidentsPath("acme", filters, { page: 2, change: "c1", days: 90 });
    expect(path).toBe(
      "/w/acme/incidents?from=2025-12-02&bucket=week&ou=%2FWorkloads&account=123456789012&window=4&page=2&change=c1",
    );
    const search = Object.fromEntries(new URL(path, "http://x").searchParams);
    expect(readIncidentFilters(search)).toEqual(filters);
    expect(incidentsExportPath("acme", "dora", "csv", filters)).toBe(
      "/api/v1/incidents/export?workspace=acme&table=dora&format=csv&from=2025-12-02&bucket=week&ou=%2FWorkloads&account=123456789012&window=4",
    );
  });

  it("counts calendar months back in UTC, clamping to the month's last day", () => {
    expect(monthsBefore("2026-12-02", 12)).toBe("2025-12-02");
    expect(monthsBefore("2026-12-02", 3)).toBe("2026-09-02");
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 24)).toBe("2024-01-15");
  });

  it("knows which preset the range is, or none", () => {
    expect(rangePresets({ from: "2026-06-02", to: "2026-12-02" }).current).toBe(6);
    expect(rangePresets({ from: "2026-06-03", to: "2026-12-02" }).current).toBeNull();
    expect(rangePresets({ from: "2026-06-02", to: "2026-12-02" }).options.map((o) => o.from)).toEqual([
      "2026-09-02",
      "2026-06-02",
      "2025-12-02",
      "2024-12-02",
    ]);
  });
});
