import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { alarms as simulatedAlarms } from "~/simulator/data/alarms";
import { alarmHistory, alarmHistoryToIncidents, cloudWatchAlarms } from "./cloudwatch";
import { collect, countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();

function prodAccount(): string {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === "prod");
  if (!account) throw new Error("no prod account");
  return account.id;
}

describe("CloudWatch", () => {
  it("reads alarms with their tags and turns their whole history into incidents", async () => {
    const accountId = prodAccount();
    const expected = simulatedAlarms(sim.current.state.data, accountId);
    const ctx = demoContext(sim.current, accountId);
    const alarms = (await collect(cloudWatchAlarms(ctx))).records;
    expect(alarms.map((a) => a.arn)).toEqual(expected.map((a) => a.arn));
    expect(countCalls(ctx, "ListTagsForResource")).toBe(expected.length);
    expect(alarms[0]?.tags).toEqual({ service: expected[0]?.service, severity: expected[0]?.severity });

    const transitions = expected.reduce((n, a) => n + a.history.length, 0);
    const history = await collect(alarmHistory(ctx, { pageSize: 20 }));
    expect(history.records).toHaveLength(transitions);
    expect(history.pages).toBe(Math.ceil(transitions / 20));
    expect(history.pages).toBeGreaterThan(1);
    expect(countCalls(ctx, "DescribeAlarmHistory")).toBe(history.pages);
    const times = history.records.map((r) => r.timestamp.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const incidents = alarmHistoryToIncidents(alarms, history.records);
    const alarmTransitions = expected.reduce((n, a) => n + a.history.filter((t) => t.to === "ALARM").length, 0);
    expect(incidents).toHaveLength(alarmTransitions);
    expect(incidents.every((i) => i.resolvedAt !== null && i.severity.startsWith("sev"))).toBe(true);
  });

  it("reads history incrementally from a start date", async () => {
    const accountId = prodAccount();
    const since = new Date(sim.current.state.data.today.getTime() - 60 * 86_400_000);
    const expected = simulatedAlarms(sim.current.state.data, accountId)
      .flatMap((a) => a.history)
      .filter((t) => t.timestamp.getTime() >= since.getTime());
    const { records } = await collect(alarmHistory(demoContext(sim.current, accountId), { since }));
    expect(records).toHaveLength(expected.length);
  });

  it("throws when tags are denied, and retries throttling", async () => {
    const ctx = demoContext(sim.current, prodAccount());
    const denied = await failureWith(sim.current, { service: "cloudwatch", action: "ListTagsForResource" }, () =>
      collect(cloudWatchAlarms(ctx)),
    );
    // CloudWatch keeps its awsQuery error codes: "AccessDenied", not "AccessDeniedException".
    expect(denied).toEqual({ name: "AccessDenied", kind: "access-denied" });
    const { result, throttled } = await withThrottling(
      sim.current,
      { service: "cloudwatch", action: "DescribeAlarmHistory" },
      () => collect(alarmHistory(ctx)),
    );
    expect(throttled).toBe(2);
    expect(result.records.length).toBeGreaterThan(0);
  });
});
