import { describe, expect, it } from "vitest";
import { inferEnvironment } from "./environment";

describe("inferEnvironment", () => {
  it.each([
    ["/Workloads/Prod", "prod"],
    ["/Workloads/Staging", "staging"],
    ["/Sandbox", "sandbox"],
    ["/Workloads/Dev-Team", "dev"],
    ["/Prod/Sandbox", "sandbox"],
    ["/Security", null],
    ["/", null],
    [null, null],
    ["/Products", null],
  ])("%s → %s", (path, expected) => {
    expect(inferEnvironment(path)).toBe(expected);
  });
});
