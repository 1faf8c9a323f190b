import {
  GetIncidentRecordCommand,
  GetTimelineEventCommand,
  type IncidentRecordSummary,
  ListIncidentRecordsCommand,
  ListRelatedItemsCommand,
  ListTimelineEventsCommand,
  ResourceNotFoundException,
  SSMIncidentsClient,
  ValidationException,
} from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alarms, canaryStart } from "../data/alarms";
import { episodesOf, incidentRecords, MIN_EPISODE_MINUTES } from "../data/incident-records";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator, type TestCredentials } from "../test-support";

const MINUTE = 60_000;

describe("Incident Manager (restJson1)", () => {
  let sim: RunningSimulator;
  let prodId: string;
  let prod: TestCredentials;
  let client: SSMIncidentsClient;

  beforeAll(async () => {
    sim = await startTestSimulator({ today: new Date("2026-11-20T00:00:00Z") });
    prodId = sim.state.organization.accounts.find((a) => a.environment === "prod")?.id ?? "";
    prod = await assumeDemoRole(sim, prodId);
    client = new SSMIncidentsClient(clientConfig(sim, prod));
  });
  afterAll(() => sim.close());

  async function listAll(input: ConstructorParameters<typeof ListIncidentRecordsCommand>[0] = {}) {
    const records: IncidentRecordSummary[] = [];
    let pages = 0;
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListIncidentRecordsCommand({ ...input, nextToken }));
      records.push(...(page.incidentRecordSummaries ?? []));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    return { records, pages };
  }

  it("opens one record per prod alarm episode of ten minutes or more, a minute or two after the alarm", () => {
    const data = sim.state.data;
    const records = incidentRecords(data, prodId);
    const episodes = alarms(data, prodId)
      .flatMap(episodesOf)
      .filter((e) => (e.end ?? data.today).getTime() - e.start.getTime() >= MIN_EPISODE_MINUTES * MINUTE);
    const fromAlarms = records.filter((r) => r.source === "aws.cloudwatch");
    expect(fromAlarms).toHaveLength(episodes.length);
    for (const episode of episodes) {
      const record = fromAlarms.find(
        (r) =>
          r.resourceArn === episode.alarm.arn &&
          r.creationTime.getTime() - episode.start.getTime() >= MINUTE &&
          r.creationTime.getTime() - episode.start.getTime() <= 150_000,
      );
      expect(record, `${episode.alarm.name} at ${episode.start.toISOString()}`).toBeDefined();
      expect(record?.impact).toBe({ sev1: 2, sev2: 3, sev3: 4 }[episode.alarm.severity]);
      expect(record!.resolvedTime!.getTime()).toBeGreaterThan(episode.end!.getTime());
    }
    const manual = records.filter((r) => r.source === "aws.ssm-incidents.custom");
    expect(manual.length).toBeGreaterThanOrEqual(2);
    expect(manual.every((r) => r.resourceArn === null)).toBe(true);
    // The story: fewer records per week once canaries arrive.
    const canaries = canaryStart(data).getTime();
    const weeks = (from: number, to: number) => (to - from) / (7 * 86_400_000);
    const before = fromAlarms.filter((r) => r.creationTime.getTime() < canaries).length;
    const after = fromAlarms.length - before;
    const historyStart = Math.min(...fromAlarms.map((r) => r.creationTime.getTime()));
    expect(after / weeks(canaries, data.today.getTime())).toBeLessThan(before / weeks(historyStart, canaries) / 2);
    // None in accounts that are not prod.
    const staging = sim.state.organization.accounts.find((a) => a.environment === "staging")?.id ?? "";
    expect(incidentRecords(data, staging)).toEqual([]);
  });

  it("lists every record across pages of maxResults, newest first", async () => {
    const expected = incidentRecords(sim.state.data, prodId);
    const { records, pages } = await listAll({ maxResults: 7 });
    expect(records.map((r) => r.arn)).toEqual(expected.map((r) => r.arn));
    expect(pages).toBe(Math.ceil(expected.length / 7));
    const first = expected[0]!;
    expect(records[0]).toMatchObject({
      title: first.title,
      status: first.status,
      impact: first.impact,
      creationTime: first.creationTime,
      incidentRecordSource: { source: first.source, createdBy: first.createdBy },
    });
    const tooMany = await captureError(() => client.send(new ListIncidentRecordsCommand({ maxResults: 101 })));
    expect(tooMany).toBeInstanceOf(ValidationException);
    const badToken = await captureError(() => client.send(new ListIncidentRecordsCommand({ nextToken: "nope" })));
    expect(badToken).toBeInstanceOf(ValidationException);
  });

  it("filters on creation time (after, before) and status", async () => {
    const all = incidentRecords(sim.state.data, prodId);
    const canaries = canaryStart(sim.state.data);
    const { records: after } = await listAll({ filters: [{ key: "creationTime", condition: { after: canaries } }] });
    expect(after.map((r) => r.arn)).toEqual(all.filter((r) => r.creationTime > canaries).map((r) => r.arn));
    expect(after.length).toBeGreaterThan(0);
    const { records: window } = await listAll({
      filters: [
        { key: "creationTime", condition: { after: new Date(canaries.getTime() - 30 * 86_400_000) } },
        { key: "creationTime", condition: { before: canaries } },
      ],
    });
    expect(window.every((r) => r.creationTime! < canaries)).toBe(true);
    expect(window.length).toBe(
      all.filter((r) => r.creationTime < canaries && r.creationTime.getTime() > canaries.getTime() - 30 * 86_400_000).length,
    );
    const { records: resolved } = await listAll({
      filters: [{ key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }],
    });
    expect(resolved.length).toBe(all.filter((r) => r.status === "RESOLVED").length);
    const { records: high } = await listAll({ filters: [{ key: "impact", condition: { equals: { integerValues: [2] } } }] });
    expect(high.map((r) => r.impact)).toEqual(all.filter((r) => r.impact === 2).map(() => 2));
  });

  it("gets a record, its timeline events oldest first and its related items", async () => {
    const record = incidentRecords(sim.state.data, prodId).find((r) => r.source === "aws.cloudwatch")!;
    const { incidentRecord } = await client.send(new GetIncidentRecordCommand({ arn: record.arn }));
    expect(incidentRecord).toMatchObject({
      arn: record.arn,
      title: record.title,
      status: "RESOLVED",
      impact: record.impact,
      creationTime: record.creationTime,
      resolvedTime: record.resolvedTime,
      incidentRecordSource: { source: "aws.cloudwatch", resourceArn: record.resourceArn, invokedBy: "cloudwatch.amazonaws.com" },
    });
    const { eventSummaries } = await client.send(
      new ListTimelineEventsCommand({ incidentRecordArn: record.arn, sortBy: "EVENT_TIME", sortOrder: "ASCENDING" }),
    );
    const times = (eventSummaries ?? []).map((e) => e.eventTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(eventSummaries?.map((e) => e.eventType)).toEqual(["Custom Event", "Note", "Custom Event", "Custom Event"]);
    expect(eventSummaries?.[0]?.eventReferences).toEqual([{ resource: record.resourceArn }]);
    const { event } = await client.send(
      new GetTimelineEventCommand({ incidentRecordArn: record.arn, eventId: eventSummaries![0]!.eventId }),
    );
    expect(event?.eventData).toBe(record.timeline[0]!.data);
    const page = await client.send(
      new ListTimelineEventsCommand({ incidentRecordArn: record.arn, sortOrder: "DESCENDING", maxResults: 2 }),
    );
    expect(page.eventSummaries?.map((e) => e.eventTime!.getTime())).toEqual([times[3], times[2]]);
    expect(page.nextToken).toBeDefined();
    const { relatedItems } = await client.send(new ListRelatedItemsCommand({ incidentRecordArn: record.arn }));
    expect(relatedItems?.find((i) => i.identifier?.type === "INVOLVED_RESOURCE")).toMatchObject({
      title: record.service,
      identifier: { value: { arn: expect.stringContaining(`:service/${record.service}-cluster/`) } },
    });
    const missing = await captureError(() =>
      client.send(new GetIncidentRecordCommand({ arn: `arn:aws:ssm-incidents::${prodId}:incident-record/x/none` })),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it("refuses a role without the permission and throttles like AWS", async () => {
    const denied = sim.state.addFault({ kind: "access-denied", service: "ssm-incidents", action: "ListIncidentRecords" });
    try {
      const error = await captureError(() => client.send(new ListIncidentRecordsCommand({})));
      expect(error.name).toBe("AccessDeniedException");
      expect(error.$metadata?.httpStatusCode).toBe(403);
    } finally {
      sim.state.faults.remove(denied);
    }
    const throttled = sim.state.addFault({ kind: "throttle", service: "ssm-incidents", action: "ListTimelineEvents", times: 1 });
    try {
      const error = await captureError(() =>
        client.send(new ListTimelineEventsCommand({ incidentRecordArn: incidentRecords(sim.state.data, prodId)[0]!.arn })),
      );
      expect(error.name).toBe("ThrottlingException");
    } finally {
      sim.state.faults.remove(throttled);
    }
  });
});
