import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest, readFixture } from "./test-inputs";

const incident = (fields: object) =>
  JSON.stringify({ incidents: [{ id: "INC-1", title: "Outage", startedAt: "2025-01-01T10:00:00Z", ...fields }] });

describe("incidents JSON", () => {
  it("reads the documented object form (fixture)", () => {
    const upload = parseUpload(readFixture("incidents.json"));
    expect(upload).toMatchObject({ kind: "incidents", format: "incidents-json", summary: { incidents: 3, findings: 0 } });
    expect(upload.incidents[0]).toEqual({
      externalId: "INC-2041",
      title: "Checkout API returning 5xx after deploy",
      service: "checkout-api",
      severity: "SEV2",
      severityRank: 2,
      accountId: "123456789012",
      startedAt: new Date("2025-03-03T14:02:00Z"),
      resolvedAt: new Date("2025-03-03T14:47:30Z"),
    });
    expect(upload.incidents[1]).toEqual({
      externalId: "INC-2042",
      title: "Queue backlog in eu-west-1",
      service: "order-worker",
      startedAt: new Date("2025-03-05T07:10:00Z"),
    });
    expect(upload.incidents[2]).toMatchObject({ externalId: "2043", startedAt: new Date("2025-03-07T23:59:59.500Z") });
  });

  it("reads a bare array of incidents", () => {
    const upload = parseUpload(JSON.stringify([{ id: "A", title: "Deploy failed", startedAt: "2025-02-01T00:00:00+02:00" }]));
    expect(upload.incidents).toEqual([{ externalId: "A", title: "Deploy failed", startedAt: new Date("2025-01-31T22:00:00Z") }]);
  });

  it("reads the optional environment, acknowledgement, link and severity rank", () => {
    const upload = parseUpload(
      incident({
        severity: "P1",
        environment: "production",
        acknowledgedAt: "2025-01-01T10:04:00Z",
        url: "https://status.example.com/INC-1",
      }),
    );
    expect(upload.incidents[0]).toEqual({
      externalId: "INC-1",
      title: "Outage",
      severity: "P1",
      severityRank: 1,
      environment: "prod",
      startedAt: new Date("2025-01-01T10:00:00Z"),
      acknowledgedAt: new Date("2025-01-01T10:04:00Z"),
      url: "https://status.example.com/INC-1",
    });
    expect(parseUpload(incident({ severity: "critical" })).incidents[0]!.severityRank).toBe(1);
    expect(parseUpload(incident({ severity: "Sev 3" })).incidents[0]!.severityRank).toBe(3);
    expect(parseUpload(incident({ severity: "whatever" })).incidents[0]).not.toHaveProperty("severityRank");
    expectBadRequest(
      () => parseUpload(incident({ acknowledgedAt: "2025-01-01T09:00:00Z" })),
      "incidents[0] (INC-1): acknowledgedAt is before startedAt.",
    );
  });

  it("accepts an empty list with a warning", () => {
    const upload = parseUpload('{"incidents": []}');
    expect(upload.incidents).toEqual([]);
    expect(upload.warnings).toEqual(["The incidents file lists no incidents."]);
  });

  it("rejects dates that are not ISO date-times with a timezone, or do not exist", () => {
    expectBadRequest(
      () => parseUpload(incident({ startedAt: "yesterday" })),
      /incidents\[0\]\.startedAt: must be an ISO 8601 date-time with a timezone/,
    );
    expectBadRequest(
      () => parseUpload(incident({ startedAt: "2025-01-01 10:00" })),
      /incidents\[0\]\.startedAt: must be an ISO 8601/,
    );
    expectBadRequest(() => parseUpload(incident({ startedAt: "2025-01-01T10:00:00" })), /incidents\[0\]\.startedAt/);
    expectBadRequest(
      () => parseUpload(incident({ resolvedAt: "2025-02-30T10:00:00Z" })),
      /incidents\[0\]\.resolvedAt: .*that day does not exist/,
    );
  });

  it("rejects resolvedAt before startedAt", () => {
    expectBadRequest(
      () => parseUpload(incident({ resolvedAt: "2025-01-01T09:59:59Z" })),
      "incidents[0] (INC-1): resolvedAt is before startedAt.",
    );
  });

  it("rejects missing fields, bad account ids and repeated ids", () => {
    expectBadRequest(
      () => parseUpload(JSON.stringify({ incidents: [{ id: "X", startedAt: "2025-01-01T00:00:00Z" }] })),
      /incidents\[0\]\.title: is required/,
    );
    expectBadRequest(
      () => parseUpload(incident({ accountId: "1234" })),
      /incidents\[0\]\.accountId: must be a 12-digit AWS account ID/,
    );
    const twice = { id: "INC-9", title: "t", startedAt: "2025-01-01T00:00:00Z" };
    expectBadRequest(
      () => parseUpload(JSON.stringify({ incidents: [twice, twice] })),
      'incidents[1]: id "INC-9" appears more than once',
    );
  });
});
