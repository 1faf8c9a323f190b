import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  InvalidNextToken,
  ListTagsForResourceCommand,
  paginateDescribeAlarmHistory,
  type AlarmHistoryItem,
} from "@aws-sdk/client-cloudwatch";
import {
  FisClient,
  GetExperimentCommand,
  GetExperimentTemplateCommand,
  ListExperimentsCommand,
  ListExperimentTemplatesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-fis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator, type TestCredentials } from "../test-support";

describe("FIS (restJson1) and CloudWatch (JSON 1.0, query-compatible)", () => {
  let sim: RunningSimulator;
  let prod: TestCredentials;

  beforeAll(async () => {
    sim = await startTestSimulator({ today: new Date("2026-11-20T00:00:00Z") });
    prod = await assumeDemoRole(sim, sim.state.organization.accounts.find((a) => a.environment === "prod")?.id ?? "");
  });
  afterAll(() => sim.close());

  it("has monthly experiments in the last quarter and one template without stop conditions", async () => {
    const fis = new FisClient(clientConfig(sim, prod));
    const { experimentTemplates } = await fis.send(new ListExperimentTemplatesCommand({}));
    expect(experimentTemplates).toHaveLength(3);
    const details = await Promise.all(
      (experimentTemplates ?? []).map((t) => fis.send(new GetExperimentTemplateCommand({ id: t.id }))),
    );
    const unguarded = details.filter((d) => d.experimentTemplate?.stopConditions?.every((s) => s.source === "none"));
    expect(unguarded).toHaveLength(1);
    const { experiments } = await fis.send(new ListExperimentsCommand({ maxResults: 100 }));
    const months = new Set(experiments?.map((e) => e.creationTime?.toISOString().slice(0, 7)));
    expect(months).toEqual(new Set(["2026-08", "2026-09", "2026-10"]));
    const one = await fis.send(new GetExperimentCommand({ id: experiments?.[0]?.id }));
    expect(one.experiment?.startTime).toBeInstanceOf(Date);
    expect(await captureError(() => fis.send(new GetExperimentCommand({ id: "EXPnope" })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    const paged = await fis.send(new ListExperimentsCommand({ maxResults: 2 }));
    expect(paged.experiments).toHaveLength(2);
    expect(paged.nextToken).toBeDefined();
  });

  it("describes alarms with tags and a history where incidents drop after canaries", async () => {
    const cw = new CloudWatchClient(clientConfig(sim, prod));
    const { MetricAlarms } = await cw.send(new DescribeAlarmsCommand({}));
    expect(MetricAlarms).toHaveLength(3);
    const tags = await cw.send(new ListTagsForResourceCommand({ ResourceARN: MetricAlarms?.[0]?.AlarmArn }));
    expect(tags.Tags?.map((t) => t.Key)).toEqual(["service", "severity"]);
    const items: AlarmHistoryItem[] = [];
    for await (const page of paginateDescribeAlarmHistory({ client: cw, pageSize: 50 }, { HistoryItemType: "StateUpdate" }))
      items.push(...(page.AlarmHistoryItems ?? []));
    const alarmsIn = (from: string, to: string) =>
      items.filter(
        (i) =>
          i.HistorySummary?.endsWith("to ALARM") && i.Timestamp && i.Timestamp >= new Date(from) && i.Timestamp < new Date(to),
      ).length;
    expect(alarmsIn("2025-11-01", "2026-04-01")).toBeGreaterThan(2 * alarmsIn("2026-05-01", "2026-10-01"));
    expect(JSON.parse(items[0]?.HistoryData ?? "{}")).toHaveProperty("newState.stateValue");
    const recent = await cw.send(
      new DescribeAlarmHistoryCommand({ StartDate: new Date("2026-10-01"), ScanBy: "TimestampAscending" }),
    );
    expect(recent.AlarmHistoryItems?.every((i) => (i.Timestamp?.getTime() ?? 0) >= Date.parse("2026-10-01"))).toBe(true);
  });

  it("raises CloudWatch's query-compatible errors", async () => {
    const cw = new CloudWatchClient(clientConfig(sim, prod));
    expect(await captureError(() => cw.send(new DescribeAlarmsCommand({ NextToken: "bad" })))).toBeInstanceOf(InvalidNextToken);
    sim.state.addFault({ kind: "throttle", service: "cloudwatch", times: 1 });
    const throttled = await captureError(() => cw.send(new DescribeAlarmsCommand({})));
    expect(throttled.name).toBe("Throttling");
    sim.state.addFault({ kind: "access-denied", service: "cloudwatch", action: "DescribeAlarms", times: 1 });
    const denied = await captureError(() => cw.send(new DescribeAlarmsCommand({})));
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toContain("cloudwatch:DescribeAlarms");
  });
});
