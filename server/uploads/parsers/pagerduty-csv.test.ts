import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { bytesSource } from "~/server/uploads/json/byte-source";
import { isPagerDutyCsv, readPagerDutyCsv } from "./pagerduty-csv";
import { readFixture } from "./test-inputs";
import type { IncidentRecord } from "./upload-types";

async function read(text: string, chunkSize = 4096) {
  const incidents: IncidentRecord[] = [];
  const result = await readPagerDutyCsv({
    source: bytesSource(Buffer.from(text), chunkSize),
    incident: (record) => incidents.push(record),
    afterChunk: async () => undefined,
  });
  return { ...result, incidents };
}

async function refusal(text: string): Promise<string> {
  const error = await read(text).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

describe("PagerDuty CSV incident export", () => {
  it("is recognised by its header, and JSON, FOCUS or other CSVs are not", () => {
    expect(isPagerDutyCsv(undefined, Buffer.from(readFixture("pagerduty-incidents.csv")))).toBe(true);
    expect(isPagerDutyCsv("incidents", Buffer.from("id,incident_number,description,created_at,urgency\n"))).toBe(true);
    expect(isPagerDutyCsv("checkov", Buffer.from("id,incident_number,description,created_at,urgency\n"))).toBe(false);
    expect(isPagerDutyCsv(undefined, Buffer.from('{"incidents": []}'))).toBe(false);
    expect(isPagerDutyCsv(undefined, Buffer.from("BilledCost,ChargePeriodStart\n"))).toBe(false);
    expect(isPagerDutyCsv(undefined, Buffer.from("id,created_at\n"))).toBe(false);
  });

  it("reads the web UI's columns, quoted cells, UTC and offset times, whatever the chunk size", async () => {
    for (const chunkSize of [5, 4096]) {
      const upload = await read(readFixture("pagerduty-incidents.csv"), chunkSize);
      expect(upload.header).toEqual({ kind: "incidents", format: "pagerduty-csv", tool: { name: "PagerDuty" } });
      expect(upload.summary.incidents).toBe(3);
      expect(upload.incidents).toEqual([
        {
          source: "pagerduty",
          externalId: "Q1ZR4MBKP3EXAM",
          title: "checkout-api 5xx rate above 2%, EU",
          service: "checkout-api",
          severity: "P1",
          severityRank: 1,
          startedAt: new Date("2026-02-10T09:14:05Z"),
          resolvedAt: new Date("2026-02-10T10:02:40Z"),
          url: "https://ladder-demo.pagerduty.com/incidents/Q1ZR4MBKP3EXAM",
        },
        {
          source: "pagerduty",
          externalId: "Q2AB7XYZ0EXAMP",
          title: "orders queue backlog",
          service: "order-worker",
          severity: "low",
          severityRank: 4,
          startedAt: new Date("2026-02-11T21:40:00Z"),
        },
        expect.objectContaining({
          title: 'payments latency "p99" above 3 s',
          startedAt: new Date("2026-02-12T02:00:00Z"),
          resolvedAt: new Date("2026-02-12T02:45:00Z"),
        }),
      ]);
    }
  });

  it("reads the analytics columns: acknowledgement and resolution from their seconds", async () => {
    const upload = await read(
      "id,incident_number,description,service_name,created_at,urgency,priority_name,seconds_to_first_ack,seconds_to_resolve\n" +
        "PX1,77,Disk full,db,2026-03-01T00:00:00Z,high,,90,3600\n",
    );
    expect(upload.incidents[0]).toMatchObject({
      externalId: "PX1",
      severity: "high",
      severityRank: 2,
      acknowledgedAt: new Date("2026-03-01T00:01:30Z"),
      resolvedAt: new Date("2026-03-01T01:00:00Z"),
    });
  });

  it("refuses zoneless or unreadable times, missing creation times and resolutions before creation, naming the line", async () => {
    const header = "Incident ID,Title,Urgency,Created On,Resolved On\n";
    expect(await refusal(`${header}P1,Outage,high,2026-02-10 09:14:05,\n`)).toBe(
      'The PagerDuty CSV export is invalid: line 2, "Created On": has no time zone; export with times in UTC, or with their offset (found "2026-02-10 09:14:05").',
    );
    expect(await refusal(`${header}P1,Outage,high,10/02/2026,\n`)).toMatch(/line 2, "Created On": must be an ISO 8601 date-time/);
    expect(await refusal(`${header}P1,Outage,high,2026-02-10T09:00:00Z,\nP2,Other,low,,\n`)).toBe(
      'The PagerDuty CSV export is invalid: line 3, "Created On": is required.',
    );
    expect(await refusal(`${header}P1,Outage,high,2026-02-10T09:00:00Z,2026-02-10T08:00:00Z\n`)).toBe(
      "The PagerDuty CSV export is invalid: line 2 (P1): resolved before it was created.",
    );
  });
});
