import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest, readSample } from "./test-inputs";

const alert = (fields: object = {}) => ({
  id: "70413a06-38d6-4c85-92b8-5ebc900d42e2",
  tinyId: "1791",
  alias: "event_573",
  message: "Checkout latency above 2 s",
  status: "closed",
  acknowledged: true,
  tags: ["service:checkout-api", "env:production"],
  createdAt: "2025-03-21T20:00:00.000Z",
  updatedAt: "2025-03-21T20:30:00.000Z",
  priority: "P2",
  entity: "checkout-lb",
  report: { ackTime: 120000, closeTime: 1800000, acknowledgedBy: "jane@example.com", closedBy: "jane@example.com" },
  ...fields,
});

describe("Opsgenie alerts and incidents", () => {
  it("reads a real Incident API list response (demisto/content test data)", () => {
    const upload = parseUpload(readSample("opsgenie"));
    expect(upload).toMatchObject({ kind: "incidents", format: "opsgenie-json", tool: { name: "Opsgenie" } });
    expect(upload.summary.incidents).toBe(1);
    expect(upload.incidents[0]).toMatchObject({
      source: "opsgenie",
      externalId: "2a1c07ea-b9bd-4922-afcc-edf406b46904",
      title: "test",
      severity: "P3",
      severityRank: 3,
      startedAt: new Date("2021-11-21T19:32:02.148Z"),
      url: "https://demisto1.app.opsgenie.com/incident/detail/2a1c07ea-b9bd-4922-afcc-edf406b46904",
    });
    // Open: no resolution.
    expect(upload.incidents[0]!.resolvedAt).toBeUndefined();
  });

  it("reads alerts: service and environment from tags, times from the report (milliseconds, checked against updatedAt)", () => {
    const upload = parseUpload(JSON.stringify({ data: [alert()], took: 0.01, requestId: "r" }));
    expect(upload.incidents[0]).toMatchObject({
      externalId: "70413a06-38d6-4c85-92b8-5ebc900d42e2",
      title: "Checkout latency above 2 s",
      service: "checkout-api",
      environment: "prod",
      severity: "P2",
      severityRank: 2,
      startedAt: new Date("2025-03-21T20:00:00Z"),
      acknowledgedAt: new Date("2025-03-21T20:02:00Z"),
      resolvedAt: new Date("2025-03-21T20:30:00Z"),
    });
    expect(upload.incidents[0]!.timeline![0]).toEqual({
      at: "2025-03-21T20:00:00.000Z",
      type: "created",
      text: "Alert created (tiny id 1791, alias event_573)",
    });
  });

  it("reads report times in seconds when only seconds fit the alert's last update", () => {
    const upload = parseUpload(JSON.stringify({ data: alert({ report: { ackTime: 120, closeTime: 1800 } }) }));
    expect(upload.incidents[0]).toMatchObject({
      acknowledgedAt: new Date("2025-03-21T20:02:00Z"),
      resolvedAt: new Date("2025-03-21T20:30:00Z"),
    });
  });

  it("reads several pages, an open alert, and the entity as service when no tag names one", () => {
    const open = alert({ id: "b", status: "open", tags: [], report: { ackTime: 60000 } });
    const upload = parseUpload(JSON.stringify([{ data: [alert()] }, { data: [open] }]));
    expect(upload.incidents.map((i) => [i.externalId, i.service, i.resolvedAt])).toEqual([
      ["70413a06-38d6-4c85-92b8-5ebc900d42e2", "checkout-api", new Date("2025-03-21T20:30:00Z")],
      ["b", "checkout-lb", undefined],
    ]);
  });

  it("refuses alerts without id or createdAt, naming them", () => {
    expectBadRequest(
      () => parseUpload(JSON.stringify({ data: [alert(), alert({ id: null })] })),
      "The Opsgenie file is invalid: data[1].id: is required.",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify({ data: [alert({ createdAt: "yesterday" })] })),
      /data\[0\]\.createdAt: must be an ISO 8601 date-time/,
    );
  });
});
