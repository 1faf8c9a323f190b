import { describe, expect, it } from "vitest";
import { alarmHistoryToIncidents, serviceFromAlarmName, severityRankOf } from "./alarm-incidents";
import type { AlarmStateChange } from "./cloudwatch";

const scope = { accountId: "111111111111", region: "us-east-1" };
const alarm = {
  ...scope,
  arn: "arn:aws:cloudwatch:us-east-1:111111111111:alarm:checkout-api-5xx",
  name: "checkout-api-5xx",
  tags: { severity: "sev1" } as Record<string, string>,
};
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const change = (minute: number, oldState: string, newState: string, alarmName = alarm.name): AlarmStateChange => ({
  ...scope,
  alarmName,
  timestamp: at(minute),
  oldState,
  newState,
  summary: `Alarm updated from ${oldState} to ${newState}`,
});

describe("alarmHistoryToIncidents", () => {
  it("pairs ALARM with the next OK whatever order the items come in", () => {
    const incidents = alarmHistoryToIncidents(
      [alarm],
      [change(50, "ALARM", "OK"), change(0, "OK", "ALARM"), change(40, "OK", "ALARM"), change(10, "ALARM", "OK")],
    );
    expect(incidents).toEqual([
      expect.objectContaining({ startedAt: at(0), resolvedAt: at(10), durationSeconds: 600, alarmArn: alarm.arn }),
      expect.objectContaining({ startedAt: at(40), resolvedAt: at(50), durationSeconds: 600 }),
    ]);
    expect(incidents[0]).toMatchObject({ service: "checkout-api", severity: "sev1" });
  });

  it("keeps one incident through repeated ALARM and INSUFFICIENT_DATA", () => {
    const incidents = alarmHistoryToIncidents(
      [alarm],
      [
        change(0, "OK", "ALARM"),
        change(5, "ALARM", "ALARM"),
        change(7, "ALARM", "INSUFFICIENT_DATA"),
        change(9, "INSUFFICIENT_DATA", "ALARM"),
        change(30, "ALARM", "OK"),
        change(31, "OK", "INSUFFICIENT_DATA"),
        change(33, "INSUFFICIENT_DATA", "OK"),
      ],
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ startedAt: at(0), resolvedAt: at(30), durationSeconds: 1800 });
  });

  it("leaves an incident open while the alarm is still in ALARM, and drops a resolution without a start", () => {
    const incidents = alarmHistoryToIncidents([alarm], [change(1, "ALARM", "OK"), change(20, "OK", "ALARM")]);
    expect(incidents).toEqual([expect.objectContaining({ startedAt: at(20), resolvedAt: null, durationSeconds: null })]);
  });

  it("attributes incidents of untagged or deleted alarms by name", () => {
    const incidents = alarmHistoryToIncidents(
      [],
      [change(0, "OK", "ALARM", "payments-worker-queue-age"), change(3, "ALARM", "OK", "payments-worker-queue-age")],
    );
    expect(incidents[0]).toMatchObject({
      service: "payments-worker",
      severity: "unknown",
      alarmArn: "arn:aws:cloudwatch:us-east-1:111111111111:alarm:payments-worker-queue-age",
    });
    expect(serviceFromAlarmName("checkout-api-5xx")).toBe("checkout-api");
    expect(serviceFromAlarmName("High_CPU")).toBe("High");
    expect(serviceFromAlarmName("latency")).toBe("latency");
  });

  it("ranks severity from the tag, else from an unambiguous word of the name, else not at all", () => {
    expect(alarmHistoryToIncidents([alarm], [change(0, "OK", "ALARM")])[0]?.severityRank).toBe(1);
    expect(["sev1", "SEV-2", "P3", "critical", "Warning", "low", "info"].map((t) => severityRankOf(t, "x"))).toEqual([
      1, 2, 3, 1, 3, 4, 5,
    ]);
    expect(severityRankOf(undefined, "checkout-critical-5xx")).toBe(1);
    expect(severityRankOf("", "payments_sev2_latency")).toBe(2);
    expect(severityRankOf("unknown", "orders-warning-queue-age")).toBe(3);
    // "high" in a name says what the metric does, not how bad it is.
    expect(severityRankOf(undefined, "High_CPU")).toBeNull();
    expect(severityRankOf(undefined, "checkout-api-p99-latency")).toBeNull();
    expect(alarmHistoryToIncidents([], [change(0, "OK", "ALARM", "payments-worker-queue-age")])[0]?.severityRank).toBeNull();
  });
});
