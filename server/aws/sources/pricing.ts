import { type Filter, GetProductsCommand } from "@aws-sdk/client-pricing";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { checkAborted, type FetchContext, withClient } from "./types";

// On-demand list prices from the AWS Price List Query API. The API answers in us-east-1 (also
// ap-south-1 and eu-central-1) whatever region the prices are for. PriceList holds one JSON
// document per product, each as a string.

export const PRICE_LIST_ENDPOINT_REGION = "us-east-1";

export interface ListPriceRecord {
  instanceType: string;
  /** Decimal string as the price list writes it, e.g. "0.1920000000". */
  usdPerHour: string;
  sku: string;
}

interface PriceDimension {
  unit?: string;
  beginRange?: string;
  pricePerUnit?: { USD?: string };
}

interface ProductDocument {
  product?: { sku?: string; attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, PriceDimension> }> };
}

/** The filters of a Linux, shared-tenancy, no pre-installed software, used-capacity on-demand price. */
export function linuxOnDemandFilters(instanceType: string, regionCode: string): Filter[] {
  const match = (Field: string, Value: string): Filter => ({ Type: "TERM_MATCH", Field, Value });
  return [
    match("instanceType", instanceType),
    match("regionCode", regionCode),
    match("operatingSystem", "Linux"),
    match("tenancy", "Shared"),
    match("preInstalledSw", "NA"),
    match("capacitystatus", "Used"),
    match("licenseModel", "No License required"),
  ];
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The on-demand USD per hour of one price list document; undefined when it has none, or only $0. */
export function onDemandHourlyPrice(document: string): { usdPerHour: string; sku: string; usageType?: string } | undefined {
  let parsed: ProductDocument;
  try {
    parsed = JSON.parse(document) as ProductDocument;
  } catch {
    return undefined;
  }
  const sku = parsed.product?.sku ?? "";
  for (const term of Object.values(parsed.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions ?? {})) {
      const usd = dimension.pricePerUnit?.USD;
      if (dimension.unit !== "Hrs" || (dimension.beginRange ?? "0") !== "0" || !usd || !DECIMAL.test(usd)) continue;
      if (Number(usd) === 0) continue;
      return { usdPerHour: usd, sku, usageType: parsed.product?.attributes?.usagetype };
    }
  }
  return undefined;
}

/** The list price of one instance type, or undefined when the price list has none. */
export async function fetchLinuxOnDemandPrice(
  ctx: FetchContext,
  instanceType: string,
  regionCode: string,
): Promise<ListPriceRecord | undefined> {
  return withClient(
    ctx,
    "pricing",
    async (client) => {
      const prices: { usdPerHour: string; sku: string; usageType?: string }[] = [];
      let token: string | undefined;
      do {
        checkAborted(ctx);
        const page = await client.send(
          new GetProductsCommand({
            ServiceCode: "AmazonEC2",
            Filters: linuxOnDemandFilters(instanceType, regionCode),
            FormatVersion: "aws_v1",
            MaxResults: 100,
            NextToken: token,
          }),
        );
        for (const item of page.PriceList ?? []) {
          const price = onDemandHourlyPrice(String(item));
          if (price) prices.push(price);
        }
        token = page.NextToken;
      } while (token);
      // The filters leave one product; should AWS ever add a variant, the plain BoxUsage one wins.
      const chosen = prices.find((p) => p.usageType?.includes("BoxUsage")) ?? prices[0];
      return chosen && { instanceType, usdPerHour: chosen.usdPerHour, sku: chosen.sku };
    },
    PRICE_LIST_ENDPOINT_REGION,
  );
}

/** List prices of several instance types; types the price list does not know are left out. */
export async function fetchLinuxOnDemandPrices(
  ctx: FetchContext,
  instanceTypes: readonly string[],
  regionCode: string,
): Promise<ListPriceRecord[]> {
  const found = await mapLimit(
    instanceTypes,
    DEFAULT_CONCURRENCY,
    (type) => fetchLinuxOnDemandPrice(ctx, type, regionCode),
    ctx.signal,
  );
  return found.filter((p): p is ListPriceRecord => p !== undefined);
}
