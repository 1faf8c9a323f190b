import { describe, expect, it } from "vitest";
import { finopsExportPath, finopsPath, readDrill, readFinOpsFilters, rowsPath } from "./paths";

describe("FinOps URLs", () => {
  it("reads the filters from the URL and drops what is not valid", () => {
    expect(
      readFinOpsFilters({ period: "2026-10", ou: "ou-ab12-workloads", environment: "prod", account: "123456789012" }),
    ).toEqual({ period: "2026-10", ou: "ou-ab12-workloads", environment: "prod", accountId: "123456789012" });
    expect(readFinOpsFilters({ period: "2026-13", account: "12", environment: "qa", ou: "Workloads" })).toEqual({});
    expect(readFinOpsFilters({ period: ["mtd", "2026-01"] })).toEqual({ period: "mtd" });
  });

  it("carries the filters into the page, the export and the drill-down", () => {
    const filters = { period: "2026-10", ou: "/Workloads" };
    expect(finopsPath("acme", filters)).toBe("/w/acme/finops?period=2026-10&ou=%2FWorkloads");
    expect(finopsExportPath("acme", "accounts", "csv", filters)).toBe(
      "/api/v1/finops/export?workspace=acme&table=accounts&format=csv&period=2026-10&ou=%2FWorkloads",
    );
  });

  it("round-trips a drill-down, keeping the untagged node pool as an empty value", () => {
    const drill = { table: "nodepool" as const, from: "2026-11-01", to: "2026-12-01", nodePool: "" };
    const path = rowsPath("acme", drill);
    expect(path).toBe("/w/acme/finops/rows?table=nodepool&from=2026-11-01&to=2026-12-01&nodePool=");
    const params = Object.fromEntries(new URL(path, "http://x").searchParams);
    expect(readDrill(params)).toEqual(drill);
    const ec2 = {
      table: "ec2" as const,
      from: "2026-11-01",
      to: "2026-12-01",
      accountId: "123456789012",
      purchaseOption: "spot" as const,
    };
    expect(readDrill(Object.fromEntries(new URL(rowsPath("acme", ec2), "http://x").searchParams))).toEqual(ec2);
  });

  it("exports the rows behind a number with their drill-down beside the filters", () => {
    const drill = { table: "nodepool" as const, from: "2026-11-01", to: "2026-12-01", nodePool: "" };
    expect(finopsExportPath("acme", "rows", "csv", { period: "2026-11" }, drill)).toBe(
      "/api/v1/finops/export?workspace=acme&table=rows&format=csv&period=2026-11&drillTable=nodepool&from=2026-11-01&to=2026-12-01&nodePool=",
    );
  });

  it("refuses a drill-down without a valid table and dates", () => {
    expect(readDrill({ table: "ec2", from: "2026-11-01" })).toBeNull();
    expect(readDrill({ table: "nope", from: "2026-11-01", to: "2026-12-01" })).toBeNull();
  });
});
