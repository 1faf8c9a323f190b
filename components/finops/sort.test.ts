import { describe, expect, it } from "vitest";
import { sortRows } from "./sort";

const rows = [
  { label: "b", spend: "9.5" },
  { label: "a", spend: null },
  { label: "c", spend: "10" },
];

describe("sorting a breakdown table", () => {
  it("sorts amounts as decimals, not as text, and keeps no data last both ways", () => {
    expect(sortRows(rows, "spend", "descending", true).map((r) => r.label)).toEqual(["c", "b", "a"]);
    expect(sortRows(rows, "spend", "ascending", true).map((r) => r.label)).toEqual(["b", "c", "a"]);
  });

  it("sorts names as text", () => {
    expect(sortRows(rows, "label", "ascending", false).map((r) => r.label)).toEqual(["a", "b", "c"]);
  });
});
