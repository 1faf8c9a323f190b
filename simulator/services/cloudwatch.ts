import { SERVICES } from "../catalog";
import { type Alarm, alarms } from "../data/alarms";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import { paginate } from "./pagination";
import type { OperationHandler, ServiceImpl } from "./types";

const invalidToken = () => new SimError("InvalidNextToken", "The service couldn't process the NextToken.", 400);

function alarmShape(alarm: Alarm) {
  const last = alarm.history.at(-1);
  const state = last?.to ?? "OK";
  const since = last?.timestamp ?? alarm.createdAt;
  return {
    AlarmName: alarm.name,
    AlarmArn: alarm.arn,
    AlarmDescription: alarm.description,
    AlarmConfigurationUpdatedTimestamp: alarm.createdAt,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [alarm.arn.replace(/:cloudwatch:(.*):alarm:.*/, ":sns:$1:oncall-pager")],
    InsufficientDataActions: [],
    StateValue: state,
    StateReason: last?.reason ?? "Unchecked: Initial alarm creation",
    StateUpdatedTimestamp: since,
    StateTransitionedTimestamp: since,
    MetricName: alarm.metricName,
    Namespace: alarm.namespace,
    Statistic: "Average",
    Dimensions: [{ Name: "Service", Value: alarm.service }],
    Period: 60,
    EvaluationPeriods: 3,
    DatapointsToAlarm: 3,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparison,
    TreatMissingData: "notBreaching",
  };
}

const operations: Record<string, OperationHandler> = {
  DescribeAlarms: (input, context) => {
    const names = input.strings("AlarmNames");
    const prefix = input.string("AlarmNamePrefix");
    const state = input.string("StateValue");
    const types = input.strings("AlarmTypes");
    const selected = alarms(context.state.data, context.principal.accountId)
      .filter((a) => names.length === 0 || names.includes(a.name))
      .filter((a) => !prefix || a.name.startsWith(prefix))
      .filter((a) => !state || (a.history.at(-1)?.to ?? "OK") === state);
    const metricAlarms = types.length === 0 || types.includes("MetricAlarm") ? selected : [];
    const page = paginate(metricAlarms, {
      token: input.string("NextToken"),
      requested: input.number("MaxRecords"),
      defaultPageSize: 50,
      maxPageSize: 100,
      scope: JSON.stringify([names, prefix, state, types]),
      invalidToken,
    });
    return { MetricAlarms: page.items.map(alarmShape), CompositeAlarms: [], NextToken: page.nextToken };
  },
  DescribeAlarmHistory: (input, context) => {
    const name = input.string("AlarmName");
    const type = input.string("HistoryItemType");
    const start = input.number("StartDate");
    const end = input.number("EndDate");
    const ascending = input.string("ScanBy") === "TimestampAscending";
    const items = alarms(context.state.data, context.principal.accountId)
      .filter((a) => !name || a.name === name)
      .flatMap((alarm) => alarm.history.map((t) => ({ alarm, t })))
      .filter(
        ({ t }) =>
          (!type || type === "StateUpdate") &&
          (start === undefined || t.timestamp.getTime() >= start * 1000) &&
          (end === undefined || t.timestamp.getTime() <= end * 1000),
      )
      .sort((a, b) => (ascending ? 1 : -1) * (a.t.timestamp.getTime() - b.t.timestamp.getTime()));
    const scope = JSON.stringify([name, type, start, end, ascending]);
    const page = paginate(items, {
      token: input.string("NextToken"),
      requested: input.number("MaxRecords"),
      defaultPageSize: 100,
      maxPageSize: 100,
      scope,
      invalidToken,
    });
    return {
      AlarmHistoryItems: page.items.map(({ alarm, t }) => ({
        AlarmName: alarm.name,
        AlarmType: "MetricAlarm",
        Timestamp: t.timestamp,
        HistoryItemType: "StateUpdate",
        HistorySummary: `Alarm updated from ${t.from} to ${t.to}`,
        HistoryData: JSON.stringify({
          version: "1.0",
          oldState: { stateValue: t.from },
          newState: { stateValue: t.to, stateReason: t.reason },
        }),
      })),
      NextToken: page.nextToken,
    };
  },
  ListTagsForResource: (input, context) => {
    const arn = input.requiredString("ResourceARN");
    const alarm = alarms(context.state.data, context.principal.accountId).find((a) => a.arn === arn);
    if (!alarm) throw new SimError("ResourceNotFoundException", `The specified resource ${arn} does not exist.`, 404);
    return {
      Tags: [
        { Key: "service", Value: alarm.service },
        { Key: "severity", Value: alarm.severity },
      ],
    };
  },
};

export const cloudWatchService: ServiceImpl = { info: SERVICES.monitoring, protocol: awsJsonProtocol("1.0", true), operations };
