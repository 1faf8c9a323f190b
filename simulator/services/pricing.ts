import { SERVICES } from "../catalog";
import { ec2Products, type PriceListProduct } from "../data/price-list";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { ServiceImpl } from "./types";

// AWS Price List Query API (awsJson1_1, X-Amz-Target AWSPriceListService.GetProducts). PriceList
// is an array of JSON documents, each a string, exactly as AWS returns it.

const invalid = (message: string) => new SimError("InvalidParameterException", message, 400);

type Match = (value: string | undefined) => boolean;

function compileFilter(filter: Input): { field: string; match: Match } {
  const type = filter.requiredString("Type");
  const field = filter.requiredString("Field").toLowerCase();
  const value = filter.requiredString("Value");
  const values = value.split(",").map((v) => v.trim());
  switch (type) {
    case "TERM_MATCH":
    case "EQUALS":
      return { field, match: (v) => v === value };
    case "CONTAINS":
      return { field, match: (v) => v !== undefined && v.includes(value) };
    case "ANY_OF":
      return { field, match: (v) => v !== undefined && values.includes(v) };
    case "NONE_OF":
      return { field, match: (v) => v === undefined || !values.includes(v) };
    default:
      throw invalid(`Invalid filter type ${type}`);
  }
}

function attribute(product: PriceListProduct, field: string): string | undefined {
  if (field === "sku") return product.sku;
  for (const [name, value] of Object.entries(product.attributes)) if (name.toLowerCase() === field) return value;
  return undefined;
}

function getProducts(input: Input): unknown {
  const serviceCode = input.requiredString("ServiceCode");
  const format = input.string("FormatVersion") ?? "aws_v1";
  if (format !== "aws_v1") throw invalid(`Invalid FormatVersion ${format}`);
  const filters = input.objects("Filters").map(compileFilter);
  const products =
    serviceCode === "AmazonEC2" ? ec2Products().filter((p) => filters.every((f) => f.match(attribute(p, f.field)))) : [];
  const page = paginate(products, {
    token: input.string("NextToken"),
    requested: input.number("MaxResults"),
    defaultPageSize: 100,
    maxPageSize: 100,
    scope: `pricing:${JSON.stringify([serviceCode, input.raw.Filters])}`,
    invalidToken: () =>
      new SimError("InvalidNextTokenException", "The pagination token is invalid. Try again without a pagination token.", 400),
  });
  return { FormatVersion: format, PriceList: page.items.map((p) => p.document), NextToken: page.nextToken };
}

export const pricingService: ServiceImpl = {
  info: SERVICES.pricing,
  protocol: awsJsonProtocol("1.1"),
  operations: { GetProducts: getProducts },
};
