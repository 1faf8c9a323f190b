import { describe, expect, it } from "vitest";
import { DemoData } from "./demo-data";

const today = new Date("2026-11-20T00:00:00Z");

describe("synthetic organisation", () => {
  it("is identical for the same seed and size, different for another seed", () => {
    const a = new DemoData(42, 12, today).organization;
    const b = new DemoData(42, 12, today).organization;
    const c = new DemoData(43, 12, today).organization;
    expect(JSON.stringify({ ...a, accountById: undefined })).toBe(JSON.stringify({ ...b, accountById: undefined }));
    expect(c.managementAccount.id).not.toBe(a.managementAccount.id);
  });

  it("has the landing-zone shape the story needs", () => {
    const org = new DemoData(42, 12, today).organization;
    expect(org.accounts).toHaveLength(12);
    expect(org.accounts.slice(0, 4).map((a) => a.name)).toEqual(["management", "log-archive", "audit", "shared-services"]);
    expect(org.accounts.filter((a) => a.parentId === org.rootId).map((a) => a.name)).toEqual(["management", "legacy-marketing"]);
    expect(org.units.map((u) => u.name)).toEqual(["Security", "Infrastructure", "Workloads", "Prod", "Staging", "Sandbox"]);
    expect(new Set(org.accounts.map((a) => a.id)).size).toBe(12);
  });

  it("scales to thousands of accounts quickly", () => {
    const started = Date.now();
    const org = new DemoData(1, 5000, today).organization;
    expect(org.accounts).toHaveLength(5000);
    expect(new Set(org.accounts.map((a) => a.name)).size).toBe(5000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
