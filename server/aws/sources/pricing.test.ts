import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { fetchLinuxOnDemandPrices, onDemandHourlyPrice } from "./pricing";
import { countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();
const payer = () => demoContext(sim.current, sim.current.state.managementAccountId);

describe("list prices from the Price List Query API", () => {
  it("reads the on-demand USD per hour of each type, one GetProducts call per type, unknown types left out", async () => {
    const ctx = payer();
    const prices = await fetchLinuxOnDemandPrices(ctx, ["m5.xlarge", "m7g.xlarge", "c7i.2xlarge", "z9.nope"], "us-east-1");
    expect(prices.map((p) => [p.instanceType, p.usdPerHour])).toEqual([
      ["m5.xlarge", "0.1920000000"],
      ["m7g.xlarge", "0.1632000000"],
      ["c7i.2xlarge", "0.3570000000"],
    ]);
    expect(prices.every((p) => /^[0-9A-F]{16}$/.test(p.sku))).toBe(true);
    expect(countCalls(ctx, "GetProducts")).toBe(4);
    expect(ctx.calls.every((c) => c === "pricing:GetProducts")).toBe(true);
  });

  it("backs off through throttling and surfaces AccessDenied", async () => {
    const { result, throttled } = await withThrottling(sim.current, { service: "pricing", action: "GetProducts" }, () =>
      fetchLinuxOnDemandPrices(payer(), ["r5.large"], "us-east-1"),
    );
    expect(throttled).toBe(2);
    expect(result.map((p) => p.usdPerHour)).toEqual(["0.1260000000"]);
    const denied = await failureWith(sim.current, { service: "pricing", action: "GetProducts" }, () =>
      fetchLinuxOnDemandPrices(payer(), ["r5.large"], "us-east-1"),
    );
    expect(denied).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
  });

  it("takes the hourly on-demand dimension, never a reserved term or a $0 price", () => {
    const doc = (onDemand: Record<string, unknown>) =>
      JSON.stringify({
        product: { sku: "SKU1", attributes: { usagetype: "BoxUsage:m5.large" } },
        terms: {
          Reserved: { "SKU1.R": { priceDimensions: { r: { unit: "Hrs", beginRange: "0", pricePerUnit: { USD: "0.05" } } } } },
          OnDemand: { "SKU1.JRTCKXETXF": { priceDimensions: onDemand } },
        },
      });
    expect(onDemandHourlyPrice(doc({ d: { unit: "Hrs", beginRange: "0", pricePerUnit: { USD: "0.0960000000" } } }))).toEqual({
      usdPerHour: "0.0960000000",
      sku: "SKU1",
      usageType: "BoxUsage:m5.large",
    });
    expect(
      onDemandHourlyPrice(doc({ d: { unit: "Hrs", beginRange: "0", pricePerUnit: { USD: "0.0000000000" } } })),
    ).toBeUndefined();
    expect(onDemandHourlyPrice(doc({ d: { unit: "Quantity", beginRange: "0", pricePerUnit: { USD: "12" } } }))).toBeUndefined();
    expect(onDemandHourlyPrice("not json")).toBeUndefined();
  });
});
