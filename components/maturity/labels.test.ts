import { describe, expect, it } from "vitest";
import { readDay } from "./labels";

describe("the since day in the URL", () => {
  it("is a calendar day that exists, or nothing, so the API never refuses what the page sends", () => {
    expect(readDay({ since: "2026-05-15" }, "since")).toBe("2026-05-15");
    expect(readDay({ since: "2026-02-30" }, "since")).toBeUndefined();
    expect(readDay({ since: "2026-13-01" }, "since")).toBeUndefined();
    expect(readDay({ since: "2026-05-15T10:00" }, "since")).toBeUndefined();
  });
});
