import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest, readSample } from "./test-inputs";

const incident = (fields: object = {}) => ({
  id: "PT4KHLK",
  incident_number: 1234,
  type: "incident",
  title: "The server is on fire.",
  status: "resolved",
  urgency: "high",
  created_at: "2025-10-06T21:30:42Z",
  resolved_at: "2025-10-06T22:10:00Z",
  last_status_change_at: "2025-10-06T22:10:00Z",
  service: { id: "PIJ90N7", type: "service_reference", summary: "checkout-api" },
  priority: { id: "P53ZZH5", type: "priority", summary: "P2" },
  html_url: "https://acme.pagerduty.com/incidents/PT4KHLK",
  acknowledgements: [],
  ...fields,
});

const page = (incidents: object[], extra: object = {}) => ({
  incidents,
  limit: 25,
  offset: 0,
  more: false,
  total: null,
  ...extra,
});

describe("PagerDuty REST API v2 incidents", () => {
  it("reads a real GET /incidents page (demisto/content test data)", () => {
    const upload = parseUpload(readSample("pagerduty"));
    expect(upload).toMatchObject({ kind: "incidents", format: "pagerduty-json", tool: { name: "PagerDuty" } });
    expect(upload.summary.incidents).toBe(2);
    // The sample blanks its ids; the account-wide incident number stands in.
    expect(upload.incidents[0]).toMatchObject({
      source: "pagerduty",
      externalId: "#1578",
      title: "this is a test",
      service: "API Service",
      severity: "high",
      severityRank: 2,
      startedAt: new Date("2023-11-19T05:51:15Z"),
      resolvedAt: new Date("2023-11-19T05:51:28Z"),
      url: "https://api.pagerduty.com/test",
    });
    expect(upload.incidents[0]!.timeline).toEqual([
      { at: "2023-11-19T05:51:14.000Z", type: "trigger", text: "Triggered through the API." },
    ]);
    expect(upload.incidents[1]).toMatchObject({ externalId: "#1579", startedAt: new Date("2023-11-19T05:52:03Z") });
  });

  it("maps priority to the severity rank, and urgency when there is no priority", () => {
    const upload = parseUpload(
      JSON.stringify(
        page([
          incident(),
          incident({ id: "B", priority: null, urgency: "low" }),
          incident({ id: "C", priority: { summary: "P1" }, status: "triggered", resolved_at: null }),
        ]),
      ),
    );
    expect(upload.incidents.map((i) => [i.externalId, i.severity, i.severityRank, i.resolvedAt])).toEqual([
      ["PT4KHLK", "P2", 2, new Date("2025-10-06T22:10:00Z")],
      ["B", "low", 4, new Date("2025-10-06T22:10:00Z")],
      ["C", "P1", 1, undefined],
    ]);
  });

  it("reads several pages in an array, keeping an incident repeated across pages once", () => {
    const upload = parseUpload(JSON.stringify([page([incident(), incident({ id: "B" })]), page([incident({ id: "B" })])]));
    expect(upload.incidents.map((i) => i.externalId)).toEqual(["PT4KHLK", "B"]);
    expect(upload.warnings).toContain("1 incident(s) appeared more than once (overlapping pages); each was imported once.");
  });

  it("reads a single incident, with log entries beside it: first acknowledgement and timeline", () => {
    const logEntry = (type: string, at: string, summary: string) => ({
      type,
      created_at: at,
      summary,
      incident: { id: "PT4KHLK", type: "incident_reference" },
    });
    const upload = parseUpload(
      JSON.stringify({
        incident: incident({ status: "resolved", resolved_at: null }),
        log_entries: [
          logEntry("resolve_log_entry", "2025-10-06T22:10:00Z", "Resolved by Jane"),
          logEntry("acknowledge_log_entry", "2025-10-06T21:40:00Z", "Acknowledged by Jane"),
          logEntry("acknowledge_log_entry", "2025-10-06T21:35:00Z", "Acknowledged by Bob"),
          logEntry("trigger_log_entry", "2025-10-06T21:30:42Z", "Triggered through the API"),
        ],
      }),
    );
    expect(upload.incidents).toHaveLength(1);
    expect(upload.incidents[0]).toMatchObject({
      acknowledgedAt: new Date("2025-10-06T21:35:00Z"),
      // A resolved incident without resolved_at: its last status change is the resolution.
      resolvedAt: new Date("2025-10-06T22:10:00Z"),
    });
    expect(upload.incidents[0]!.timeline!.map((e) => e.type)).toEqual(["trigger", "acknowledge", "acknowledge", "resolve"]);
  });

  it("takes log entries inside an incident, and acknowledgements of an open incident", () => {
    const upload = parseUpload(
      JSON.stringify(
        page([
          incident({
            status: "acknowledged",
            resolved_at: null,
            acknowledgements: [{ at: "2025-10-06T21:33:00Z" }],
            log_entries: [{ type: "acknowledge_log_entry", created_at: "2025-10-06T21:31:00Z", summary: "Acked" }],
          }),
        ]),
      ),
    );
    expect(upload.incidents[0]).toMatchObject({ acknowledgedAt: new Date("2025-10-06T21:31:00Z") });
    expect(upload.incidents[0]!.resolvedAt).toBeUndefined();
  });

  it("refuses an incident without id, with an unreadable time, or resolved before it began, naming it", () => {
    expectBadRequest(
      () => parseUpload(JSON.stringify(page([incident(), incident({ id: "", incident_number: undefined })]))),
      "The PagerDuty file is invalid: incidents[1].id: is required.",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify(page([incident({ created_at: "06/10/2025 21:30" })]))),
      /incidents\[0\]\.created_at: must be an ISO 8601 date-time with a timezone/,
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify(page([incident({ created_at: undefined })]))),
      "incidents[0].created_at: is required",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify([page([incident()]), page([incident({ id: "X", resolved_at: "2025-10-06T20:00:00Z" })])])),
      "[1].incidents[0] (X).resolved_at: is before created_at",
    );
  });
});
