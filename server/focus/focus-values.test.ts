import { describe, expect, it } from "vitest";
import { instanceTypeOf, nodePoolOf } from "./aws-details";
import { detectFocusVersion, REQUIRED_COLUMNS } from "./columns";
import { readDecimal, TimestampReader } from "./values";

const focus10 = [...REQUIRED_COLUMNS, "ProviderName", "ListCost", "ContractedCost", "SubAccountId"];

describe("FOCUS version from the columns present", () => {
  it("tells 1.0, 1.1, 1.2 and 1.3 apart by the columns each added", () => {
    expect(detectFocusVersion(focus10)).toBe("1.0");
    expect(detectFocusVersion([...focus10, "SkuPriceDetails"])).toBe("1.1");
    expect(detectFocusVersion([...focus10, "SkuPriceDetails", "InvoiceId", "BillingAccountType"])).toBe("1.2");
    // 1.3 names the provider ServiceProviderName; ProviderName may be gone.
    const focus13 = [...focus10.filter((c) => c !== "ProviderName"), "ServiceProviderName", "HostProviderName", "InvoiceId"];
    expect(detectFocusVersion(focus13)).toBe("1.3");
  });

  it("reads a later minor version, which only adds columns, as the newest it knows", () => {
    expect(detectFocusVersion([...focus10, "ServiceProviderName", "x_Future", "SomeColumnOf1_4"])).toBe("1.3");
  });

  it("names the missing column, and refuses a pre-1.0 file by name", () => {
    expect(() => detectFocusVersion(focus10.filter((c) => c !== "ChargePeriodEnd"))).toThrow(/no column ChargePeriodEnd/);
    expect(() => detectFocusVersion(focus10.filter((c) => c !== "ProviderName"))).toThrow(/no column ProviderName/);
    expect(() => detectFocusVersion(["BilledCost", "AmortizedCost", "ChargeType", "ProviderName"])).toThrow(/before 1\.0/);
    expect(() => detectFocusVersion(["date", "amount", "account"])).toThrow(/Not a FOCUS cost export/);
  });
});

describe("cell values", () => {
  it("keeps decimals as the file wrote them, exponents included, and refuses anything else with its place", () => {
    expect(readDecimal("0.1008", "ListCost", { unit: "line", line: 2 } as const)).toBe("0.1008");
    expect(readDecimal(" -5.00 ", "BilledCost", { unit: "line", line: 2 } as const)).toBe("-5.00");
    expect(readDecimal("1.5E+2", "ConsumedQuantity", { unit: "line", line: 2 } as const)).toBe("1.5E+2");
    expect(readDecimal(".5", "BilledCost", { unit: "line", line: 2 } as const)).toBe(".5");
    expect(readDecimal(null, "ListCost", { unit: "line", line: 2 } as const)).toBeNull();
    for (const bad of ["abc", "1,5", "NaN", "Infinity", "1e", "$3", "0x10"]) {
      expect(() => readDecimal(bad, "BilledCost", { unit: "row", line: 9 } as const)).toThrow(
        `BilledCost on row 9 is “${bad}”, not a number`,
      );
    }
  });

  it("reads ISO 8601 in its usual spellings and the sample's month/day/year, as UTC", () => {
    const times = new TimestampReader();
    const read = (value: string) => times.read(value, "ChargePeriodStart", { unit: "line", line: 2 } as const);
    expect(read("2026-10-01T00:00:00Z")).toBe("2026-10-01 00:00:00.000");
    expect(read("2026-10-01T00:00:00.000Z")).toBe("2026-10-01 00:00:00.000");
    expect(read("2026-10-01 13:45:10")).toBe("2026-10-01 13:45:10.000");
    expect(read("2026-10-01")).toBe("2026-10-01 00:00:00.000");
    expect(read("2026-10-01T02:00:00+02:00")).toBe("2026-10-01 00:00:00.000");
    expect(read("2026-10-01T00:00:00-0500")).toBe("2026-10-01 05:00:00.000");
    expect(read("4/1/25")).toBe("2025-04-01 00:00:00.000");
    expect(read("12/31/2025")).toBe("2025-12-31 00:00:00.000");
    for (const bad of ["2026-02-30", "13/1/25", "yesterday", "2026-10"]) {
      expect(() => read(bad)).toThrow(`ChargePeriodStart on line 2 is “${bad}”`);
    }
  });
});

describe("AWS details", () => {
  it("takes the instance type from instance-hour usage types only", () => {
    expect(instanceTypeOf("BoxUsage:m7g.large", null)).toBe("m7g.large");
    expect(instanceTypeOf("USE1-SpotUsage:c7g.xlarge", null)).toBe("c7g.xlarge");
    expect(instanceTypeOf("EUC1-DedicatedUsage:r7i.2xlarge", null)).toBe("r7i.2xlarge");
    expect(instanceTypeOf("USE1-EBS:VolumeUsage.gp3", null)).toBeNull();
    expect(instanceTypeOf("USE1-HeavyUsage:r7i.large", null)).toBeNull();
    expect(instanceTypeOf("TimedStorage-ByteHrs", null)).toBeNull();
  });

  it("falls back to SkuPriceDetails' InstanceType", () => {
    expect(instanceTypeOf("", '{"InstanceType":"r7i.large","OperatingSystem":"Linux"}')).toBe("r7i.large");
    expect(instanceTypeOf(null, '{"x_InstanceType":"n2-standard-4"}')).toBe("n2-standard-4");
    expect(instanceTypeOf(null, '{"InstanceType": 3}')).toBeNull();
    expect(instanceTypeOf(null, "{not json InstanceType")).toBeNull();
  });

  it("reads Karpenter's node pool from Tags, with or without the user: prefix", () => {
    expect(nodePoolOf('{"karpenter.sh/nodepool":"spot"}')).toBe("spot");
    expect(nodePoolOf('{"user:karpenter.sh/nodepool":"general","user:team":"web"}')).toBe("general");
    expect(nodePoolOf('{"user:team":"web"}')).toBeNull();
    expect(nodePoolOf(null)).toBeNull();
    expect(nodePoolOf("karpenter.sh/nodepool=spot")).toBeNull();
  });
});
