import {
  type CloudWatchClient,
  type CompositeAlarm,
  ListTagsForResourceCommand,
  type MetricAlarm,
  paginateDescribeAlarmHistory,
  paginateDescribeAlarms,
} from "@aws-sdk/client-cloudwatch";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { type AccountScope, checkAborted, clientFor, type FetchContext, scopeOf } from "./types";

export { alarmHistoryToIncidents, serviceFromAlarmName, type IncidentRecord } from "./alarm-incidents";

/** Natural key: arn. */
export interface AlarmRecord extends AccountScope {
  arn: string;
  name: string;
  alarmType: "MetricAlarm" | "CompositeAlarm";
  stateValue: string;
  stateUpdatedAt: Date | null;
  /** Null for composite and metric-math alarms. */
  namespace: string | null;
  metricName: string | null;
  dimensions: Array<{ name: string; value: string }>;
  actionsEnabled: boolean;
  tags: Record<string, string>;
}

/** One StateUpdate from the alarm history. Natural key: (accountId, region, alarmName, timestamp). */
export interface AlarmStateChange extends AccountScope {
  alarmName: string;
  timestamp: Date;
  oldState: string | null;
  newState: string | null;
  summary: string;
}

function alarmRecord(scope: AccountScope, a: MetricAlarm | CompositeAlarm, type: AlarmRecord["alarmType"]): AlarmRecord {
  const metric = type === "MetricAlarm" ? (a as MetricAlarm) : undefined;
  return {
    ...scope,
    arn: a.AlarmArn ?? "",
    name: a.AlarmName ?? "",
    alarmType: type,
    stateValue: a.StateValue ?? "INSUFFICIENT_DATA",
    stateUpdatedAt: a.StateUpdatedTimestamp ?? null,
    namespace: metric?.Namespace ?? null,
    metricName: metric?.MetricName ?? null,
    dimensions: (metric?.Dimensions ?? []).map((d) => ({ name: d.Name ?? "", value: d.Value ?? "" })),
    actionsEnabled: a.ActionsEnabled ?? false,
    tags: {},
  };
}

async function tagsOf(client: CloudWatchClient, arn: string): Promise<Record<string, string>> {
  const { Tags = [] } = await client.send(new ListTagsForResourceCommand({ ResourceARN: arn }));
  return Object.fromEntries(Tags.map((t) => [t.Key ?? "", t.Value ?? ""]));
}

/**
 * Metric and composite alarms with their tags, one array per page. Tags carry the service and
 * severity that incidents are attributed to, so a denied ListTagsForResource throws like any
 * other denial instead of quietly producing untagged alarms.
 */
export async function* cloudWatchAlarms(
  ctx: FetchContext,
  { concurrency = DEFAULT_CONCURRENCY }: { concurrency?: number } = {},
): AsyncGenerator<AlarmRecord[]> {
  const client = clientFor(ctx, "cloudWatch");
  const scope = scopeOf(ctx);
  try {
    for await (const page of paginateDescribeAlarms(
      { client, pageSize: 100 },
      { AlarmTypes: ["MetricAlarm", "CompositeAlarm"] },
    )) {
      checkAborted(ctx);
      const alarms = [
        ...(page.MetricAlarms ?? []).map((a) => alarmRecord(scope, a, "MetricAlarm")),
        ...(page.CompositeAlarms ?? []).map((a) => alarmRecord(scope, a, "CompositeAlarm")),
      ];
      yield await mapLimit(alarms, concurrency, async (a) => ({ ...a, tags: await tagsOf(client, a.arn) }), ctx.signal);
    }
  } finally {
    client.destroy();
  }
}

function states(item: { HistoryData?: string; HistorySummary?: string }): { oldState: string | null; newState: string | null } {
  try {
    const data = JSON.parse(item.HistoryData ?? "") as { oldState?: { stateValue?: string }; newState?: { stateValue?: string } };
    if (data.newState?.stateValue) return { oldState: data.oldState?.stateValue ?? null, newState: data.newState.stateValue };
  } catch {
    // HistoryData is documented as JSON, but the summary says the same in words.
  }
  const match = /from (\w+) to (\w+)/.exec(item.HistorySummary ?? "");
  return { oldState: match?.[1] ?? null, newState: match?.[2] ?? null };
}

/**
 * State changes of every alarm, oldest first, one array per page. For incremental syncs pass
 * `since` (with some overlap), no later than the start of the oldest incident still open.
 */
export async function* alarmHistory(
  ctx: FetchContext,
  { since, pageSize = 100 }: { since?: Date; /** 100 is the API's maximum. */ pageSize?: number } = {},
): AsyncGenerator<AlarmStateChange[]> {
  const client = clientFor(ctx, "cloudWatch");
  const scope = scopeOf(ctx);
  try {
    for await (const page of paginateDescribeAlarmHistory(
      { client, pageSize },
      { HistoryItemType: "StateUpdate", StartDate: since, ScanBy: "TimestampAscending" },
    )) {
      checkAborted(ctx);
      yield (page.AlarmHistoryItems ?? []).flatMap((item) =>
        item.AlarmName && item.Timestamp
          ? [
              {
                ...scope,
                alarmName: item.AlarmName,
                timestamp: item.Timestamp,
                summary: item.HistorySummary ?? "",
                ...states(item),
              },
            ]
          : [],
      );
    }
  } finally {
    client.destroy();
  }
}
