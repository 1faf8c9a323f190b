import { describe, expect, it } from "vitest";
import { describeDrill } from "./drill-label";

describe("naming a drill-down", () => {
  it("says which rows, over which days (the end is exclusive), and what narrows them", () => {
    expect(
      describeDrill({ table: "ec2", from: "2026-11-01", to: "2026-12-01", accountId: "111111111111", purchaseOption: "spot" }),
    ).toBe("EC2 cost rows, 1 Nov 2026 to 30 Nov 2026: account 111111111111, Spot");
    expect(describeDrill({ table: "nodepool", from: "2026-11-01", to: "2026-11-15", nodePool: "" })).toBe(
      "Node-pool cost rows, 1 Nov 2026 to 14 Nov 2026: not managed by Karpenter",
    );
  });
});
