import { describe, expect, it } from "vitest";
import { mergeSameIncidents, type IncidentRow } from "./same-incident";

// The same-incident rule, one case per branch: a shared alarm ARN, the same account and service
// within 15 minutes, and the rows that look alike but are not one incident.

const ARN = "arn:aws:cloudwatch:us-east-1:111111111111:alarm:checkout-api-5xx-rate";
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 12, 0) + minutes * 60_000);
const row = (id: string, source: string, minutes: number, extra: Partial<IncidentRow> = {}): IncidentRow => ({
  id,
  source,
  accountId: "111111111111",
  service: "checkout",
  alarmArn: null,
  startedAt: at(minutes),
  resolvedAt: at(minutes + 30),
  ...extra,
});
const shape = (rows: IncidentRow[]) => mergeSameIncidents(rows).map((g) => [g.row.id, g.alsoFrom.map((r) => r.id)]);

describe("the same-incident rule", () => {
  it("joins rows of two sources that name the same alarm while it is firing, even on another service name", () => {
    const alarm = row("cw", "cloudwatch", 0, { alarmArn: ARN, resolvedAt: at(90) });
    const record = row("im", "incident-manager", 40, { alarmArn: ARN, service: "Checkout API" });
    expect(shape([record, alarm])).toEqual([["cw", ["im"]]]);
  });

  it("keeps apart two episodes of one alarm, and a record opened after the alarm was resolved", () => {
    const first = row("cw1", "cloudwatch", 0, { alarmArn: ARN, resolvedAt: at(20), service: null });
    const second = row("cw2", "cloudwatch", 10, { alarmArn: ARN, resolvedAt: at(50), service: null });
    const late = row("im", "incident-manager", 60, { alarmArn: ARN, service: null });
    expect(shape([first, second, late])).toEqual([
      ["cw1", []],
      ["cw2", []],
      ["im", []],
    ]);
  });

  it("joins rows of two sources on the same account and service starting within 15 minutes; the earliest represents them", () => {
    expect(shape([row("pd", "pagerduty", 15), row("cw", "cloudwatch", 0)])).toEqual([["cw", ["pd"]]]);
  });

  it("does not join rows more than 15 minutes apart, on another account or service, or of one source", () => {
    expect(shape([row("cw", "cloudwatch", 0), row("pd", "pagerduty", 16)])).toEqual([
      ["cw", []],
      ["pd", []],
    ]);
    expect(shape([row("cw", "cloudwatch", 0), row("pd", "pagerduty", 5, { accountId: "222222222222" })])).toHaveLength(2);
    expect(shape([row("cw", "cloudwatch", 0), row("pd", "pagerduty", 5, { service: "search" })])).toHaveLength(2);
    expect(shape([row("cw", "cloudwatch", 0), row("pd", "pagerduty", 5, { service: null, accountId: null })])).toHaveLength(2);
    expect(shape([row("a", "cloudwatch", 0), row("b", "cloudwatch", 5)])).toHaveLength(2);
  });

  it("is transitive: an alarm, the page it raised and the record that page opened are one incident", () => {
    const alarm = row("cw", "cloudwatch", 0, { alarmArn: ARN });
    const page = row("pd", "pagerduty", 10);
    const record = row("im", "incident-manager", 20, { service: "other", alarmArn: ARN });
    expect(shape([page, record, alarm])).toEqual([["cw", ["pd", "im"]]]);
  });
});
