import { createHash } from "node:crypto";
import { HOURLY_PRICE, NO_INSTANCE_TYPE, PURCHASE, SERVICE } from "../data/cost-catalog";
import { SimError } from "../errors";
import { cachedAggregate, aggregate, type Sums } from "./cost-aggregate";
import { compileFilter, groupKeyGetter, knownDimensions, type LineKey } from "./cost-dimensions";
import { aggregateByDays, formatScaled, type ScaledSums } from "./cost-monthly";
import { amount, periodShape, periodsOf } from "./cost-periods";
import { visibleAccounts } from "./cost-scope";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext } from "./types";

/** Groups per response page before CE hands out a NextPageToken. */
export const COST_PAGE_GROUPS = 5000;

const METRICS: Record<string, [keyof Sums, string]> = {
  UnblendedCost: ["unblended", "USD"],
  BlendedCost: ["unblended", "USD"],
  NetUnblendedCost: ["unblended", "USD"],
  AmortizedCost: ["amortized", "USD"],
  NetAmortizedCost: ["amortized", "USD"],
  UsageQuantity: ["usage", "N/A"],
  NormalizedUsageAmount: ["normalizedUsage", "N/A"],
};

function invalidToken(): SimError {
  return new SimError("InvalidNextTokenException", "The NextPageToken is invalid.", 400);
}

function metricValues(sums: Sums | ScaledSums | undefined, metrics: string[]) {
  return Object.fromEntries(
    metrics.map((m) => {
      const [field, unit] = METRICS[m] ?? ["unblended", "USD"];
      const value = sums?.[field] ?? 0;
      return [m, typeof value === "bigint" ? { Amount: formatScaled(value), Unit: unit } : amount(value, unit)];
    }),
  );
}

function decodeCursor(token: string | undefined, queryHash: string): { period: number; offset: number } {
  if (token === undefined) return { period: 0, offset: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { p?: unknown; g?: unknown; q?: unknown };
    if (typeof parsed.p === "number" && typeof parsed.g === "number" && parsed.q === queryHash)
      return { period: parsed.p, offset: parsed.g };
  } catch {
    // treated like a token from another query
  }
  throw invalidToken();
}

export function getCostAndUsage(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const { periods, granularity } = periodsOf(input, data.today);
  const metrics = input.strings("Metrics");
  if (metrics.length === 0) throw new SimError("ValidationException", "Metrics is required", 400);
  const unknown = metrics.filter((m) => !METRICS[m]);
  if (unknown.length > 0) throw new SimError("ValidationException", `Invalid metrics: [${unknown.join(", ")}]`, 400);
  const groupBy = input.objects("GroupBy");
  if (groupBy.length > 2) throw new SimError("ValidationException", "You can only group by up to two different groups", 400);
  const keyGetters = groupBy.map(groupKeyGetter);
  const keyOf: LineKey =
    keyGetters.length === 0 ? () => "" : (line, account) => keyGetters.map((g) => g(line, account)).join("\u0000");
  const predicate = compileFilter(input.object("Filter"));
  const accounts = visibleAccounts(context);
  const queryHash = createHash("sha256")
    .update(
      JSON.stringify([
        input.raw.TimePeriod,
        input.raw.Granularity,
        input.raw.GroupBy,
        input.raw.Filter,
        context.principal.accountId,
      ]),
    )
    .digest("hex")
    .slice(0, 24);
  const cursor = decodeCursor(input.string("NextPageToken"), queryHash);
  if (cursor.period > periods.length) throw invalidToken();

  const results = [];
  let budget = COST_PAGE_GROUPS;
  let next: { period: number; offset: number } | undefined;
  for (let index = cursor.period; index < periods.length; index++) {
    const period = periods[index];
    if (!period) break;
    const sums = cachedAggregate<Sums | ScaledSums>(data, `${queryHash}|${index}`, () =>
      granularity === "MONTHLY"
        ? aggregateByDays(data, accounts, period, predicate, keyOf)
        : aggregate(data, accounts, period, predicate, keyOf),
    );
    const base = { TimePeriod: periodShape(period), Estimated: data.costs.timeline.isEstimated(period.end) };
    if (groupBy.length === 0) {
      results.push({ ...base, Total: metricValues(sums.get(""), metrics), Groups: [] });
      budget -= 1;
    } else {
      const keys = [...sums.keys()].sort();
      const offset = index === cursor.period ? cursor.offset : 0;
      const slice = keys.slice(offset, offset + Math.max(budget, 0));
      results.push({
        ...base,
        Total: {},
        Groups: slice.map((k) => ({ Keys: k.split("\u0000"), Metrics: metricValues(sums.get(k), metrics) })),
      });
      budget -= slice.length;
      if (offset + slice.length < keys.length) {
        next = { period: index, offset: offset + slice.length };
        break;
      }
    }
    if (budget <= 0 && index + 1 < periods.length) {
      next = { period: index + 1, offset: 0 };
      break;
    }
  }
  const groupsByAccount = groupBy.some((g) => g.string("Key") === "LINKED_ACCOUNT");
  return {
    GroupDefinitions: groupBy.length > 0 ? groupBy.map((g) => g.raw) : undefined,
    ResultsByTime: results,
    DimensionValueAttributes: groupsByAccount ? accounts.map((a) => ({ Value: a.id, Attributes: { description: a.name } })) : [],
    NextPageToken: next
      ? Buffer.from(JSON.stringify({ p: next.period, g: next.offset, q: queryHash })).toString("base64")
      : undefined,
  };
}

function dimensionValues(dimension: string, context: CallContext): Array<{ Value: string; Attributes: Record<string, string> }> {
  const plain = (values: readonly string[]) => values.map((Value) => ({ Value, Attributes: {} }));
  switch (dimension) {
    case "LINKED_ACCOUNT":
      return visibleAccounts(context).map((a) => ({ Value: a.id, Attributes: { description: a.name } }));
    case "SERVICE":
      return plain(Object.values(SERVICE));
    case "INSTANCE_TYPE":
      return plain([...Object.keys(HOURLY_PRICE), NO_INSTANCE_TYPE]);
    case "PURCHASE_TYPE":
      return plain(Object.values(PURCHASE));
    case "REGION":
      return plain(["us-east-1"]);
    case "RECORD_TYPE":
      return plain(["Usage"]);
    default:
      if (!knownDimensions().includes(dimension))
        throw new SimError("ValidationException", `Dimension ${dimension} is not allowed`, 400);
      return [];
  }
}

export function getDimensionValues(input: Input, context: CallContext): unknown {
  periodsOf(input, context.state.data.today, "DAILY");
  const dimension = input.requiredString("Dimension");
  const search = input.string("SearchString")?.toLowerCase();
  const values = dimensionValues(dimension, context).filter((v) => !search || v.Value.toLowerCase().includes(search));
  const page = paginate(values, {
    token: input.string("NextPageToken"),
    requested: input.number("MaxResults"),
    defaultPageSize: 1000,
    maxPageSize: 1000,
    scope: `dimension:${dimension}:${search ?? ""}`,
    invalidToken,
  });
  return { DimensionValues: page.items, ReturnSize: page.items.length, TotalSize: values.length, NextPageToken: page.nextToken };
}
