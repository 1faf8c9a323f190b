import { describe, expect, it } from "vitest";
import { environmentOf, parseZonedTime, severityRankOf } from "./record-fields";

describe("the fields incident and deployment readers share", () => {
  it("reads times only with their zone, and only on days that exist", () => {
    expect(parseZonedTime("2026-02-10T09:14:05Z")).toEqual(new Date("2026-02-10T09:14:05Z"));
    expect(parseZonedTime("2021-11-21T19:32:02.148Z")).toEqual(new Date("2021-11-21T19:32:02.148Z"));
    expect(parseZonedTime("2026-02-10T09:14:05.123456+01:00")).toEqual(new Date("2026-02-10T08:14:05.123Z"));
    expect(parseZonedTime("2026-02-10T09:14:05")).toBeUndefined();
    expect(parseZonedTime("2026-02-30T09:14:05Z")).toBeUndefined();
    expect(parseZonedTime("10/02/2026")).toBeUndefined();
    expect(parseZonedTime(1707556445)).toBeUndefined();
  });

  it("puts every tool's severity words on one scale, 1 critical to 5 no impact", () => {
    const ranks = [
      "SEV0",
      "sev 1",
      "P1",
      "Critical",
      "SEV-2",
      "high",
      "Major",
      "p3",
      "medium",
      "P4 - Low",
      "Minor",
      "P5",
      "No impact",
      "info",
    ];
    expect(ranks.map(severityRankOf)).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5]);
    expect(severityRankOf("Sunny")).toBeUndefined();
    expect(severityRankOf(undefined)).toBeUndefined();
  });

  it("names environments prod, staging, dev or sandbox where it can, and keeps other names", () => {
    const names = [
      "production",
      "Prod",
      "production-eu",
      "live",
      "staging",
      "stg",
      "uat",
      "development",
      "qa",
      "sandbox",
      "eu-canary",
      " ",
    ];
    expect(names.map(environmentOf)).toEqual([
      "prod",
      "prod",
      "prod",
      "prod",
      "staging",
      "staging",
      "staging",
      "dev",
      "dev",
      "sandbox",
      "eu-canary",
      undefined,
    ]);
  });
});
