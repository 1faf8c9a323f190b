import { createHash } from "node:crypto";
import { HOURLY_PRICE } from "./cost-catalog";

// The Price List API's view of EC2 in us-east-1 for the instance types the demo runs and their
// Graviton and x86 equivalents (server/finops/instance-types.ts). Real on-demand prices; the cost
// model keeps its own table (cost-catalog.ts), which this only extends.
export const EC2_LINUX_PRICE: Record<string, number> = {
  ...Object.fromEntries(Object.entries(HOURLY_PRICE).filter(([type]) => !type.startsWith("db."))),
  "m6g.xlarge": 0.154,
  "c6g.2xlarge": 0.272,
  "r6g.large": 0.1008,
  "m7i.xlarge": 0.2016,
  "c7i.2xlarge": 0.357,
  "r7i.large": 0.1323,
};

export const PRICE_LIST_LOCATION = "US East (N. Virginia)";
export const PRICE_LIST_REGION = "us-east-1";
export const PRICE_LIST_VERSION = "20261120000000";
export const PRICE_LIST_PUBLISHED = "2026-11-20T00:00:00Z";
// The Price List's fixed codes: on-demand offer term and its hourly rate dimension.
const ON_DEMAND_TERM = "JRTCKXETXF";
const HOURLY_RATE = "6YS6EN2CT7";
const RESERVED_1YR_NO_UPFRONT = "4NA7Y494T4";
const RESERVED_RATE = "6YS6EN2CT7";
// Windows adds its licence per vCPU-hour; the product exists so that filters have something to exclude.
const WINDOWS_PER_VCPU = 0.046;
const RESERVED_RATE_SHARE = 0.6;

const VCPUS: Record<string, number> = { large: 2, xlarge: 4, "2xlarge": 8 };
const GIB_PER_VCPU: Record<string, number> = { m: 4, c: 2, r: 8 };
const FAMILY_NAME: Record<string, string> = { m: "General purpose", c: "Compute optimized", r: "Memory optimized" };

export type ProductAttributes = Record<string, string>;

export interface PriceListProduct {
  sku: string;
  attributes: ProductAttributes;
  /** The whole document, as the API returns it (JSON text). */
  document: string;
}

function skuOf(...parts: string[]): string {
  return createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 16).toUpperCase();
}

function price(value: number): string {
  return value.toFixed(10);
}

function productDocument(sku: string, attributes: ProductAttributes, hourly: number): string {
  const onDemand = `${sku}.${ON_DEMAND_TERM}`;
  const reserved = `${sku}.${RESERVED_1YR_NO_UPFRONT}`;
  const dimension = (term: string, rate: string, usd: number, description: string) => ({
    [`${term}.${rate}`]: {
      unit: "Hrs",
      endRange: "Inf",
      description,
      appliesTo: [],
      rateCode: `${term}.${rate}`,
      beginRange: "0",
      pricePerUnit: { USD: price(usd) },
    },
  });
  return JSON.stringify({
    product: { productFamily: "Compute Instance", attributes, sku },
    serviceCode: "AmazonEC2",
    terms: {
      OnDemand: {
        [onDemand]: {
          priceDimensions: dimension(
            onDemand,
            HOURLY_RATE,
            hourly,
            `$${hourly} per On Demand ${attributes.operatingSystem} ${attributes.instanceType} Instance Hour`,
          ),
          sku,
          effectiveDate: "2026-11-01T00:00:00Z",
          offerTermCode: ON_DEMAND_TERM,
          termAttributes: {},
        },
      },
      Reserved: {
        [reserved]: {
          priceDimensions: dimension(reserved, RESERVED_RATE, hourly * RESERVED_RATE_SHARE, "No Upfront, 1 year"),
          sku,
          effectiveDate: "2026-11-01T00:00:00Z",
          offerTermCode: RESERVED_1YR_NO_UPFRONT,
          termAttributes: { LeaseContractLength: "1yr", OfferingClass: "standard", PurchaseOption: "No Upfront" },
        },
      },
    },
    version: PRICE_LIST_VERSION,
    publicationDate: PRICE_LIST_PUBLISHED,
  });
}

function variant(instanceType: string, linuxPrice: number, os: "Linux" | "Windows", capacity: string): PriceListProduct {
  const [family = "", size = ""] = instanceType.split(".");
  const series = family.charAt(0);
  const vcpu = VCPUS[size] ?? 2;
  const graviton = /^[a-z]+\d+g/.test(family);
  const attributes: ProductAttributes = {
    servicecode: "AmazonEC2",
    servicename: "Amazon Elastic Compute Cloud",
    instanceType,
    instanceFamily: FAMILY_NAME[series] ?? "General purpose",
    vcpu: String(vcpu),
    memory: `${vcpu * (GIB_PER_VCPU[series] ?? 4)} GiB`,
    physicalProcessor: graviton ? "AWS Graviton" : "Intel Xeon Platinum",
    processorArchitecture: graviton ? "64-bit Arm" : "64-bit",
    location: PRICE_LIST_LOCATION,
    locationType: "AWS Region",
    regionCode: PRICE_LIST_REGION,
    operatingSystem: os,
    tenancy: "Shared",
    preInstalledSw: "NA",
    licenseModel: "No License required",
    capacitystatus: capacity,
    marketoption: "OnDemand",
    usagetype: capacity === "Used" ? `BoxUsage:${instanceType}` : `UnusedBox:${instanceType}`,
    operation: os === "Linux" ? "RunInstances" : "RunInstances:0002",
    currentGeneration: "Yes",
  };
  const sku = skuOf(instanceType, os, capacity);
  const hourly = os === "Windows" ? linuxPrice + WINDOWS_PER_VCPU * vcpu : linuxPrice;
  return { sku, attributes, document: productDocument(sku, attributes, hourly) };
}

let catalogue: PriceListProduct[] | undefined;

/** Every product of the catalogue: per instance type, Linux and Windows, used and unused capacity reservations. */
export function ec2Products(): PriceListProduct[] {
  catalogue ??= Object.entries(EC2_LINUX_PRICE)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([type, linux]) => [
      variant(type, linux, "Linux", "Used"),
      variant(type, linux, "Linux", "UnusedCapacityReservation"),
      variant(type, linux, "Windows", "Used"),
    ]);
  return catalogue;
}
