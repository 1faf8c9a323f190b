import { describe, expect, it } from "vitest";
import { architectureOf, gravitonEquivalent, parseInstanceType, x86Equivalent } from "./instance-types";

describe("instance types", () => {
  it("reads the architecture from the family", () => {
    const cases: Record<string, string> = {
      "m7g.xlarge": "graviton",
      "c7gn.large": "graviton",
      "r8gd.2xlarge": "graviton",
      "t4g.medium": "graviton",
      "g5g.xlarge": "graviton",
      "im4gn.large": "graviton",
      "a1.large": "graviton",
      "m5.xlarge": "x86",
      "m7i-flex.large": "x86",
      "g4dn.xlarge": "x86",
      "m7a.large": "x86",
      "mac2.metal": "other",
      NoInstanceType: "other",
      "db.r6g.large": "other",
      "": "other",
    };
    for (const [type, arch] of Object.entries(cases)) expect([type, architectureOf(type)]).toEqual([type, arch]);
  });

  it("maps x86 types to the Graviton type of the same class, generation and size", () => {
    const cases: Record<string, string> = {
      "m5.xlarge": "m6g.xlarge",
      "m6i.large": "m6g.large",
      "m6a.2xlarge": "m6g.2xlarge",
      "m6id.large": "m6gd.large",
      "c7i.large": "c7g.large",
      "c5n.xlarge": "c6gn.xlarge",
      "c5.2xlarge": "c6g.2xlarge",
      "t3.medium": "t4g.medium",
      "t2.micro": "t4g.micro",
      "r7i.large": "r7g.large",
      "r5.large": "r6g.large",
      "m7a.large": "m7g.large",
      "m7i-flex.large": "m7g.large",
      "m8i.xlarge": "m8g.xlarge",
    };
    for (const [type, equivalent] of Object.entries(cases))
      expect([type, gravitonEquivalent(type).equivalent]).toEqual([type, equivalent]);
    expect(gravitonEquivalent("m7a.large").vendor).toBe("amd");
    expect(gravitonEquivalent("m7i.large").vendor).toBe("intel");
  });

  it("never counts GPU, accelerator, metal, mac or Graviton types as having an equivalent", () => {
    expect(gravitonEquivalent("g4dn.xlarge")).toEqual({ reason: "accelerated" });
    expect(gravitonEquivalent("p5.48xlarge")).toEqual({ reason: "accelerated" });
    expect(gravitonEquivalent("inf2.xlarge")).toEqual({ reason: "accelerated" });
    expect(gravitonEquivalent("trn1.32xlarge")).toEqual({ reason: "accelerated" });
    expect(gravitonEquivalent("m5.metal")).toEqual({ reason: "metal" });
    expect(gravitonEquivalent("mac2.metal")).toEqual({ reason: "mac" });
    expect(gravitonEquivalent("m7g.large")).toEqual({ reason: "graviton" });
    expect(gravitonEquivalent("NoInstanceType")).toEqual({ reason: "unknown-type" });
    expect(gravitonEquivalent("z1d.large").reason).toBe("no-graviton-family");
    expect(parseInstanceType("m7i-flex.large")?.flex).toBe(true);
  });

  it("maps Graviton types back to the Intel type they replace, for the realized counterfactual", () => {
    expect(x86Equivalent("m7g.xlarge")).toBe("m7i.xlarge");
    expect(x86Equivalent("c7g.2xlarge")).toBe("c7i.2xlarge");
    expect(x86Equivalent("r6gd.large")).toBe("r6id.large");
    expect(x86Equivalent("c7gn.large")).toBe("c7in.large");
    expect(x86Equivalent("t4g.medium")).toBe("t3.medium");
    expect(x86Equivalent("g5g.xlarge")).toBeUndefined();
    expect(x86Equivalent("m5.xlarge")).toBeUndefined();
  });
});
