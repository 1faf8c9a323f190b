import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest } from "./test-inputs";

// No public incident.io export was found: these documents follow the API v2 reference
// (incident-io-json.ts names the shape relied on).
const stamp = (name: string, value: string) => ({ incident_timestamp: { id: name, name, rank: 1 }, value: { value } });
const incident = (fields: object = {}) => ({
  id: "01FDAG4SAP5TYPT98WGR2N7W91",
  reference: "INC-123",
  name: "Our database is sad",
  permalink: "https://app.incident.io/incidents/123",
  mode: "standard",
  created_at: "2025-08-17T13:40:00Z",
  updated_at: "2025-08-17T16:00:00Z",
  incident_status: { id: "s", name: "Closed", category: "closed" },
  severity: { id: "sev", name: "Major", rank: 2 },
  incident_timestamp_values: [
    stamp("Impact started", "2025-08-17T13:28:57Z"),
    stamp("Accepted at", "2025-08-17T13:45:00Z"),
    stamp("Resolved at", "2025-08-17T15:00:00Z"),
  ],
  custom_field_entries: [
    { custom_field: { name: "Affected services" }, values: [{ value_catalog_entry: { name: "orders-db" } }] },
  ],
  ...fields,
});
const list = (incidents: object[]) => ({ incidents, pagination_meta: { page_size: 25 } });

describe("incident.io API v2 incidents", () => {
  it("maps a listed incident: impact start, acceptance, resolution, severity, service and link", () => {
    const upload = parseUpload(JSON.stringify(list([incident()])));
    expect(upload).toMatchObject({ kind: "incidents", format: "incident-io-json", tool: { name: "incident.io" } });
    expect(upload.incidents[0]).toMatchObject({
      source: "incident-io",
      externalId: "01FDAG4SAP5TYPT98WGR2N7W91",
      title: "Our database is sad",
      severity: "Major",
      severityRank: 2,
      service: "orders-db",
      startedAt: new Date("2025-08-17T13:28:57Z"),
      acknowledgedAt: new Date("2025-08-17T13:45:00Z"),
      resolvedAt: new Date("2025-08-17T15:00:00Z"),
      url: "https://app.incident.io/incidents/123",
    });
    expect(upload.incidents[0]!.timeline!.map((e) => e.text)).toEqual(["Impact started", "Accepted at", "Resolved at"]);
  });

  it("falls back to created_at, and to updated_at for a closed incident without a resolution time", () => {
    const upload = parseUpload(JSON.stringify({ incident: incident({ incident_timestamp_values: [] }) }));
    expect(upload.incidents[0]).toMatchObject({
      startedAt: new Date("2025-08-17T13:40:00Z"),
      resolvedAt: new Date("2025-08-17T16:00:00Z"),
    });
    const live = parseUpload(
      JSON.stringify(list([incident({ incident_status: { category: "live" }, incident_timestamp_values: [] })])),
    );
    expect(live.incidents[0]!.resolvedAt).toBeUndefined();
  });

  it("ranks severity names it does not know by their order in the file, most severe first", () => {
    const upload = parseUpload(
      JSON.stringify(
        list([
          incident({ id: "a", severity: { name: "Sunny", rank: 1 } }),
          incident({ id: "b", severity: { name: "Stormy", rank: 3 } }),
          incident({ id: "c", severity: { name: "Cloudy", rank: 2 } }),
        ]),
      ),
    );
    expect(upload.incidents.map((i) => [i.severity, i.severityRank])).toEqual([
      ["Sunny", 3],
      ["Stormy", 1],
      ["Cloudy", 2],
    ]);
  });

  it("leaves out test, tutorial and declined incidents, saying so", () => {
    const upload = parseUpload(
      JSON.stringify([
        list([incident(), incident({ id: "t", mode: "test" })]),
        list([incident({ id: "d", incident_status: { category: "declined" } })]),
      ]),
    );
    expect(upload.incidents.map((i) => i.externalId)).toEqual(["01FDAG4SAP5TYPT98WGR2N7W91"]);
    expect(upload.warnings).toContain("2 test, tutorial, declined, merged or cancelled incident(s) were left out.");
  });

  it("refuses an incident resolved before its impact started, or without created_at", () => {
    expectBadRequest(
      () =>
        parseUpload(
          JSON.stringify(
            list([
              incident({
                incident_timestamp_values: [
                  stamp("Resolved at", "2025-08-17T13:00:00Z"),
                  stamp("Impact started", "2025-08-17T13:28:57Z"),
                ],
              }),
            ]),
          ),
        ),
      "incidents[0] (01FDAG4SAP5TYPT98WGR2N7W91): it is resolved before its impact started",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify(list([incident({ created_at: null })]))),
      "The incident.io file is invalid: incidents[0].created_at: is required.",
    );
  });
});
