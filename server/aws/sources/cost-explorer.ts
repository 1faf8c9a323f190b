import {
  type Expression,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
  type GroupDefinition,
  type MetricValue,
} from "@aws-sdk/client-cost-explorer";
import type { CostWindow } from "./cost-window";
import { checkAborted, clientFor, type FetchContext } from "./types";

export { costWindow, type CostWindow } from "./cost-window";
export * from "./cost-commitments";

// Every Cost Explorer request, and every page of one, costs the payer $0.01: these generators
// ask from the payer once for the whole organisation (grouped by LINKED_ACCOUNT where the API
// allows) and report each page through ctx.onRequest so runs can show what they cost.

export const EC2_COMPUTE_SERVICE = "Amazon Elastic Compute Cloud - Compute";
export const NODEPOOL_TAG = "karpenter.sh/nodepool";
/** CE's group for usage without an instance type (EBS-optimised hours, data transfer…). */
export const NO_INSTANCE_TYPE = "NoInstanceType";

/** Amounts are decimal strings exactly as CE returns them; the DB layer turns them into Decimals. */
export interface CostAmounts {
  unblendedCost: string;
  amortizedCost: string;
  currency: string;
  /** CE has not finalised the figures yet (current month, and last month until the bill closes). */
  estimated: boolean;
}

export interface UsageAmounts extends CostAmounts {
  usageQuantity: string;
  usageUnit: string;
}

/** Natural key: (day, accountId, service). */
export interface DailyServiceCost extends CostAmounts {
  day: string;
  accountId: string;
  service: string;
}

/** Natural key: (day, accountId, instanceType). instanceType may be "NoInstanceType". */
export interface DailyEc2InstanceTypeCost extends UsageAmounts {
  day: string;
  accountId: string;
  instanceType: string;
}

/** Natural key: (day, accountId, purchaseType), e.g. "Spot Instances", "Savings Plans". */
export interface DailyEc2PurchaseTypeCost extends UsageAmounts {
  day: string;
  accountId: string;
  purchaseType: string;
}

/** Organisation-wide. Natural key: (day, instanceType, purchaseType). */
export interface DailyEc2InstancePurchaseCost extends UsageAmounts {
  day: string;
  instanceType: string;
  purchaseType: string;
}

/** Organisation-wide. Natural key: (day, nodePool, purchaseType); nodePool "" = untagged. */
export interface DailyNodePoolCost extends UsageAmounts {
  day: string;
  nodePool: string;
  purchaseType: string;
}

/** Natural key: (day, accountId, nodePool); nodePool "" = untagged. */
export interface DailyAccountNodePoolCost extends UsageAmounts {
  day: string;
  accountId: string;
  nodePool: string;
}

const COST_METRICS = ["UnblendedCost", "AmortizedCost"];
const USAGE_METRICS = [...COST_METRICS, "UsageQuantity"];
const EC2_FILTER: Expression = { Dimensions: { Key: "SERVICE", Values: [EC2_COMPUTE_SERVICE] } };
const dimension = (Key: string): GroupDefinition => ({ Type: "DIMENSION", Key });
const nodePoolTag: GroupDefinition = { Type: "TAG", Key: NODEPOOL_TAG };

/** Tag groups come back as "key$value", and "key$" for resources without the tag. */
export function tagValueOf(groupKey: string, tagKey: string): string {
  if (groupKey.startsWith(`${tagKey}$`)) return groupKey.slice(tagKey.length + 1);
  const split = groupKey.indexOf("$");
  return split >= 0 ? groupKey.slice(split + 1) : groupKey;
}

interface GroupRow {
  day: string;
  keys: string[];
  metrics: Record<string, MetricValue>;
  estimated: boolean;
}

function costAmounts(row: GroupRow): CostAmounts {
  return {
    unblendedCost: row.metrics.UnblendedCost?.Amount ?? "0",
    amortizedCost: row.metrics.AmortizedCost?.Amount ?? "0",
    currency: row.metrics.UnblendedCost?.Unit ?? row.metrics.AmortizedCost?.Unit ?? "USD",
    estimated: row.estimated,
  };
}

function usageAmounts(row: GroupRow): UsageAmounts {
  const amounts = costAmounts(row) as UsageAmounts;
  amounts.usageQuantity = row.metrics.UsageQuantity?.Amount ?? "0";
  amounts.usageUnit = row.metrics.UsageQuantity?.Unit ?? "";
  return amounts;
}

export interface CostReadOptions {
  /** DAILY rows are dated by their day; MONTHLY ones by their month's first day (or the window's start). */
  granularity?: "DAILY" | "MONTHLY";
  /** Told every period of the answer with its Estimated flag, groups or not. */
  onPeriod?: (start: string, estimated: boolean) => void;
}

/** One yielded array per CE response page: a 13-month, 1,000-account query never sits in memory whole. */
async function* costGroups<R>(
  ctx: FetchContext,
  window: CostWindow,
  query: { groupBy: GroupDefinition[]; metrics: string[]; filter?: Expression },
  toRecord: (row: GroupRow) => R,
  options: CostReadOptions = {},
): AsyncGenerator<R[]> {
  // Cost Explorer has a single endpoint, in us-east-1.
  const client = clientFor(ctx, "costExplorer", "us-east-1");
  const input: GetCostAndUsageCommandInput = {
    TimePeriod: { Start: window.start, End: window.end },
    Granularity: options.granularity ?? "DAILY",
    Metrics: query.metrics,
    GroupBy: query.groupBy,
    Filter: query.filter,
  };
  const send = (token: string | undefined) => {
    checkAborted(ctx);
    const request = client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }));
    // Its failure is seen when the page is awaited; until then it must not count as unhandled.
    request.catch(() => undefined);
    return request;
  };
  // The next page is asked for as soon as a page arrives, before the caller writes this one:
  // the request travels (and waits for its turn under the rate limit) while the rows are stored.
  let next: Promise<GetCostAndUsageCommandOutput> | undefined = send(undefined);
  try {
    while (next) {
      const page: GetCostAndUsageCommandOutput = await next;
      next = page.NextPageToken ? send(page.NextPageToken) : undefined;
      const records: R[] = [];
      for (const result of page.ResultsByTime ?? []) {
        const day = result.TimePeriod?.Start ?? "";
        const estimated = result.Estimated ?? false;
        options.onPeriod?.(day, estimated);
        for (const group of result.Groups ?? []) {
          records.push(toRecord({ day, keys: group.Keys ?? [], metrics: group.Metrics ?? {}, estimated }));
        }
      }
      yield records;
    }
  } finally {
    // A caller that stops early (its write failed) leaves a page in flight, which is dropped.
    client.destroy();
  }
}

/**
 * Whether Cost Explorer still flags a period Estimated: one MONTHLY request without groups (one
 * page, $0.01), so a month already stored is read again only once its figures are final.
 */
export async function stillEstimated(ctx: FetchContext, window: CostWindow): Promise<boolean> {
  checkAborted(ctx);
  const client = clientFor(ctx, "costExplorer", "us-east-1");
  try {
    const page = await client.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: window.start, End: window.end },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost"],
      }),
    );
    return (page.ResultsByTime ?? []).some((result) => result.Estimated === true);
  } finally {
    client.destroy();
  }
}

/** Daily cost of every account and service: one query for the whole organisation. */
export function dailyCostByAccountAndService(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyServiceCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [dimension("LINKED_ACCOUNT"), dimension("SERVICE")], metrics: COST_METRICS },
    (row) => ({ day: row.day, accountId: row.keys[0] ?? "", service: row.keys[1] ?? "", ...costAmounts(row) }),
    options,
  );
}

// CE accepts at most two GroupBy keys, so account × instance type × purchase type cannot be one
// query. Three two-key queries cover it: per account by instance type (Graviton share), per
// account by purchase type (Spot, RI, SP share), and organisation-wide instance × purchase type.

export function dailyEc2ByInstanceType(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyEc2InstanceTypeCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [dimension("LINKED_ACCOUNT"), dimension("INSTANCE_TYPE")], metrics: USAGE_METRICS, filter: EC2_FILTER },
    (row) => ({ day: row.day, accountId: row.keys[0] ?? "", instanceType: row.keys[1] ?? "", ...usageAmounts(row) }),
    options,
  );
}

export function dailyEc2ByPurchaseType(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyEc2PurchaseTypeCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [dimension("LINKED_ACCOUNT"), dimension("PURCHASE_TYPE")], metrics: USAGE_METRICS, filter: EC2_FILTER },
    (row) => ({ day: row.day, accountId: row.keys[0] ?? "", purchaseType: row.keys[1] ?? "", ...usageAmounts(row) }),
    options,
  );
}

export function dailyEc2ByInstanceAndPurchaseType(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyEc2InstancePurchaseCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [dimension("INSTANCE_TYPE"), dimension("PURCHASE_TYPE")], metrics: USAGE_METRICS, filter: EC2_FILTER },
    (row) => ({ day: row.day, instanceType: row.keys[0] ?? "", purchaseType: row.keys[1] ?? "", ...usageAmounts(row) }),
    options,
  );
}

/** EC2 cost per Karpenter node pool (cost-allocation tag, activated at the payer) and purchase type. */
export function dailyCostByNodePool(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyNodePoolCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [nodePoolTag, dimension("PURCHASE_TYPE")], metrics: USAGE_METRICS, filter: EC2_FILTER },
    (row) => ({
      day: row.day,
      nodePool: tagValueOf(row.keys[0] ?? "", NODEPOOL_TAG),
      purchaseType: row.keys[1] ?? "",
      ...usageAmounts(row),
    }),
    options,
  );
}

export function dailyCostByAccountAndNodePool(
  ctx: FetchContext,
  window: CostWindow,
  options?: CostReadOptions,
): AsyncGenerator<DailyAccountNodePoolCost[]> {
  return costGroups(
    ctx,
    window,
    { groupBy: [dimension("LINKED_ACCOUNT"), nodePoolTag], metrics: USAGE_METRICS, filter: EC2_FILTER },
    (row) => ({
      day: row.day,
      accountId: row.keys[0] ?? "",
      nodePool: tagValueOf(row.keys[1] ?? "", NODEPOOL_TAG),
      ...usageAmounts(row),
    }),
    options,
  );
}
