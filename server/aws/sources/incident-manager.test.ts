import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { canaryStart } from "~/simulator/data/alarms";
import { incidentRecords } from "~/simulator/data/incident-records";
import { consoleUrl, incidentManagerRecords, serviceOf, toRecord } from "./incident-manager";
import { collect, countCalls, demoContext, failureWith, readSample, withThrottling } from "./test-support";

const sim = useAwsSimulator();
const scope = { accountId: "111122223333", region: "us-east-1" };

function prodAccount(): string {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === "prod");
  if (!account) throw new Error("no prod account");
  return account.id;
}

describe("Incident Manager source", () => {
  it("reads every record with its details, timeline and involved service", async () => {
    const accountId = prodAccount();
    const expected = incidentRecords(sim.current.state.data, accountId);
    const ctx = demoContext(sim.current, accountId);
    const { records, pages } = await collect(incidentManagerRecords(ctx, { pageSize: 10, concurrency: 3 }));
    expect(pages).toBe(Math.ceil(expected.length / 10));
    expect(records.map((r) => r.arn)).toEqual(expected.map((r) => r.arn));
    // The listing's summaries carry the record's fields: no GetIncidentRecord per record.
    expect(countCalls(ctx, "GetIncidentRecord")).toBe(0);
    expect(countCalls(ctx, "ListTimelineEvents")).toBe(expected.length);
    expect(countCalls(ctx, "ListRelatedItems")).toBe(expected.length);
    for (const e of expected) {
      const r = records.find((x) => x.arn === e.arn)!;
      expect(r).toMatchObject({
        accountId,
        title: e.title,
        impact: e.impact,
        createdAt: e.creationTime,
        startedAt: e.creationTime,
        resolvedAt: e.resolvedTime,
        source: e.source,
        alarmArn: e.source === "aws.cloudwatch" ? e.resourceArn : null,
        service: e.service,
        url: consoleUrl(e.arn, "us-east-1"),
      });
      // The record's creation, its events, its resolution: oldest first.
      expect(r.timeline).toHaveLength(e.timeline.length + (e.resolvedTime ? 2 : 1));
      expect(r.timeline.map((t) => t.at)).toEqual([...r.timeline.map((t) => t.at)].sort((a, b) => a.getTime() - b.getTime()));
    }
    const fromAlarm = records.find((r) => r.alarmArn)!;
    expect(fromAlarm.timeline.map((t) => t.type)).toEqual([
      "created",
      "Custom Event",
      "Note",
      "Custom Event",
      "Custom Event",
      "resolved",
    ]);
    expect(fromAlarm.timeline[1]?.text).toBe(`Event: ${fromAlarm.alarmArn!.split(":").at(-1)}`);
  });

  it("asks only for records created since a time", async () => {
    const accountId = prodAccount();
    const since = canaryStart(sim.current.state.data);
    const ctx = demoContext(sim.current, accountId);
    const { records } = await collect(incidentManagerRecords(ctx, { since }));
    const expected = incidentRecords(sim.current.state.data, accountId).filter((r) => r.creationTime > since);
    expect(records.map((r) => r.arn)).toEqual(expected.map((r) => r.arn));
    expect(countCalls(ctx, "ListTimelineEvents")).toBe(expected.length);
  });

  it("has nothing to read where Incident Manager has no records", async () => {
    const staging = sim.current.state.organization.accounts.find((a) => a.environment === "staging")?.id ?? "";
    expect((await collect(incidentManagerRecords(demoContext(sim.current, staging)))).records).toEqual([]);
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, prodAccount());
    for (const action of ["ListIncidentRecords", "ListTimelineEvents", "ListRelatedItems"]) {
      expect(
        await failureWith(sim.current, { service: "ssm-incidents", action }, () => collect(incidentManagerRecords(ctx))),
      ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    }
    const { result, throttled } = await withThrottling(
      sim.current,
      { service: "ssm-incidents", action: "ListIncidentRecords" },
      () => collect(incidentManagerRecords(ctx)),
    );
    expect(throttled).toBe(2);
    expect(result.records).toHaveLength(incidentRecords(sim.current.state.data, ctx.accountId).length);
  });

  it("maps a record as the AWS CLI prints it", () => {
    const sample = JSON.parse(readSample("incidents-ssm/aws__aws-cli/get-incident-record.output.json"), (key, value: unknown) =>
      /Time$/.test(key) && typeof value === "string" ? new Date(value) : value,
    ) as { incidentRecord: Parameters<typeof toRecord>[1] };
    const record = toRecord(scope, sample.incidentRecord, [], []);
    expect(record).toMatchObject({
      title: "Example-Incident",
      status: "OPEN",
      impact: 5,
      source: "aws.ssm-incidents.custom",
      alarmArn: null,
      resolvedAt: null,
      service: "Example-Incident",
      startedAt: new Date("2021-05-21T18:16:57.579Z"),
    });
    expect(record.timeline).toEqual([
      { at: new Date("2021-05-21T18:16:57.579Z"), type: "created", text: "Incident record created (aws.ssm-incidents.custom)" },
    ]);
  });

  it("maps the listing's summary of a record as GetIncidentRecord's record, as the AWS CLI prints them", () => {
    const parse = (file: string) =>
      JSON.parse(readSample(`incidents-ssm/aws__aws-cli/${file}`), (key, value: unknown) =>
        /Time$/.test(key) && typeof value === "string" ? new Date(value) : value,
      ) as { incidentRecord?: Parameters<typeof toRecord>[1]; incidentRecordSummaries?: Parameters<typeof toRecord>[1][] };
    const full = parse("get-incident-record.output.json").incidentRecord!;
    const summary = parse("list-incident-records.output.json").incidentRecordSummaries![0]!;
    expect(toRecord(scope, summary, [], [])).toEqual(toRecord(scope, full, [], []));
  });

  it("starts at an earlier timeline event, and names the service from the involved resource, the alarm or the title", () => {
    const created = new Date("2026-03-01T10:05:00Z");
    const earlier = new Date("2026-03-01T09:58:00Z");
    const alarmArn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:checkout-api-5xx-rate";
    const record = toRecord(
      scope,
      {
        arn: "arn:aws:ssm-incidents::111122223333:incident-record/plan/abc",
        title: "Checkout errors",
        status: "RESOLVED",
        impact: 2,
        creationTime: created,
        resolvedTime: new Date("2026-03-01T11:00:00Z"),
        incidentRecordSource: { createdBy: "x", source: "aws.cloudwatch", resourceArn: alarmArn },
      },
      [{ at: earlier, type: "Custom Event", text: "Event" }],
      [],
    );
    expect(record).toMatchObject({ startedAt: earlier, alarmArn, service: "checkout-api" });
    expect(record.timeline.map((t) => t.type)).toEqual(["Custom Event", "created", "resolved"]);
    expect(serviceOf("Title", null, [{ type: "INVOLVED_RESOURCE", title: "payments", arn: null }])).toBe("payments");
    expect(serviceOf("Title", null, [{ type: "INVOLVED_RESOURCE", title: null, arn: "arn:aws:ecs:r:1:service/c/orders" }])).toBe(
      "orders",
    );
    expect(serviceOf("Title", null, [{ type: "OTHER", title: "x", arn: null }])).toBe("Title");
    // A resolved time on a record that is not RESOLVED (reopened) is not a resolution.
    expect(
      toRecord(scope, { arn: "a", status: "OPEN", resolvedTime: created, creationTime: earlier }, [], []).resolvedAt,
    ).toBeNull();
  });
});
