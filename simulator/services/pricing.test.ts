import { type Filter, GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EC2_LINUX_PRICE } from "../data/price-list";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

const linux = (instanceType: string): Filter[] =>
  [
    ["instanceType", instanceType],
    ["location", "US East (N. Virginia)"],
    ["operatingSystem", "Linux"],
    ["tenancy", "Shared"],
    ["preInstalledSw", "NA"],
    ["capacitystatus", "Used"],
    ["licenseModel", "No License required"],
  ].map(([Field, Value]) => ({ Type: "TERM_MATCH", Field, Value }));

interface Doc {
  product: { sku: string; attributes: Record<string, string> };
  terms: { OnDemand: Record<string, { priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string } }> }> };
}
const parse = (item: unknown) => JSON.parse(String(item)) as Doc;
// The SDK types PriceList as JSON strings that may come back wrapped; each is read as text.
const items = (out: { PriceList?: unknown }): unknown[] => (out.PriceList as unknown[] | undefined) ?? [];
const onDemandUsd = (doc: Doc) =>
  Object.values(doc.terms.OnDemand).flatMap((t) => Object.values(t.priceDimensions).map((d) => d.pricePerUnit.USD));

describe("Price List Query API over awsJson1_1", () => {
  let sim: RunningSimulator;
  let pricing: PricingClient;

  beforeAll(async () => {
    sim = await startTestSimulator();
    pricing = new PricingClient(clientConfig(sim, await assumeDemoRole(sim, sim.state.managementAccountId)));
  });
  afterAll(() => sim.close());

  it("answers one Linux on-demand product per instance type, its price list a JSON string", async () => {
    const out = await pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: linux("m5.xlarge") }));
    expect(out.FormatVersion).toBe("aws_v1");
    expect(items(out)).toHaveLength(1);
    const doc = parse(items(out)[0]);
    expect(doc.product.attributes).toMatchObject({ instanceType: "m5.xlarge", operatingSystem: "Linux", capacitystatus: "Used" });
    expect(onDemandUsd(doc)).toEqual(["0.1920000000"]);
    expect(sim.state.callCount("pricing", "GetProducts")).toBeGreaterThan(0);
  });

  it("serves the demo's types and their Graviton and x86 equivalents at real us-east-1 prices", async () => {
    for (const [type, usd] of [
      ["m6g.xlarge", "0.1540000000"],
      ["c7i.2xlarge", "0.3570000000"],
      ["r7g.large", "0.1071000000"],
    ] as const) {
      const out = await pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: linux(type) }));
      expect(items(out).map((p) => onDemandUsd(parse(p))[0])).toEqual([usd]);
    }
    const unknown = await pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: linux("x9z.huge") }));
    expect(items(unknown)).toEqual([]);
  });

  it("honours the filters: without them Windows and unused-reservation products come back too", async () => {
    const byType = [{ Type: "TERM_MATCH" as const, Field: "instanceType", Value: "c5.2xlarge" }];
    const all = await pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: byType }));
    const docs = items(all).map(parse);
    expect(docs.map((d) => `${d.product.attributes.operatingSystem}/${d.product.attributes.capacitystatus}`).sort()).toEqual([
      "Linux/UnusedCapacityReservation",
      "Linux/Used",
      "Windows/Used",
    ]);
    const windows = docs.find((d) => d.product.attributes.operatingSystem === "Windows")!;
    expect(Number(onDemandUsd(windows)[0])).toBeGreaterThan(0.34);
    const anyOf = await pricing.send(
      new GetProductsCommand({
        ServiceCode: "AmazonEC2",
        Filters: [
          { Type: "ANY_OF", Field: "instanceType", Value: "m7g.xlarge,r5.large" },
          ...linux("").filter((f) => f.Field !== "instanceType"),
        ],
      }),
    );
    expect(
      items(anyOf)
        .map((p) => parse(p).product.attributes.instanceType)
        .sort(),
    ).toEqual(["m7g.xlarge", "r5.large"]);
  });

  it("pages with NextToken and rejects a foreign token", async () => {
    const filters = [{ Type: "TERM_MATCH" as const, Field: "operatingSystem", Value: "Linux" }];
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await pricing.send(
        new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: filters, MaxResults: 5, NextToken: token }),
      );
      seen.push(...items(page).map((p) => parse(p).product.sku));
      token = page.NextToken;
      pages++;
    } while (token);
    // Linux: used and unused-reservation products of every type in the catalogue.
    expect(seen).toHaveLength(2 * Object.keys(EC2_LINUX_PRICE).length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 5));
    const error = await captureError(() =>
      pricing.send(
        new GetProductsCommand({ ServiceCode: "AmazonEC2", Filters: linux("m5.xlarge"), NextToken: "bm90IGEgdG9rZW4=" }),
      ),
    );
    expect(error.name).toBe("InvalidNextTokenException");
  });

  it("refuses unsigned callers and a role denied pricing:GetProducts", async () => {
    const anonymous = new PricingClient({ ...clientConfig(sim), credentials: { accessKeyId: "AKIANOPE", secretAccessKey: "x" } });
    expect((await captureError(() => anonymous.send(new GetProductsCommand({ ServiceCode: "AmazonEC2" })))).name).toBe(
      "UnrecognizedClientException",
    );
    const fault = sim.state.addFault({ kind: "access-denied", service: "pricing", action: "GetProducts", times: 1 });
    const denied = await captureError(() => pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2" })));
    sim.state.faults.remove(fault);
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toContain("pricing:GetProducts");
  });
});
