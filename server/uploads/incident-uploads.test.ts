import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { getUploadStatus, processStagedReport } from "./intake.service";
import { handleUploadRequest } from "./upload-request";

// Incident and deployment uploads through POST /api/v1/uploads, as CI sends them with a token.
const sample = (relative: string) => readFileSync(path.resolve(process.cwd(), "../shared/samples", relative), "utf8");
const fixture = (name: string) => readFileSync(path.join(__dirname, "parsers", "fixtures", name), "utf8");

async function tokenFor(role: "editor" | "viewer") {
  const ws = await workspaceWithOwner("Incident uploads");
  const token = await ws.caller.tokens.create({ workspace: ws.slug, name: "CI", role, expiresInDays: null });
  return { ...ws, token: token.token };
}

function uploadRequest(token: string, content: string, fields: Record<string, string> = {}, filename = "upload.json") {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([content]), filename);
  return new Request("http://localhost/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

async function send(request: Request) {
  const answer = await handleUploadRequest(request);
  expect(answer.status).toBe(201);
  return answer.body as Exclude<Extract<typeof answer, { status: 201 }>["body"], { kind: "focus" }>;
}

const incidentsOf = (workspaceId: string) =>
  db.incident.findMany({
    where: { workspaceId },
    orderBy: { startedAt: "asc" },
    select: {
      source: true,
      externalKey: true,
      title: true,
      service: true,
      severity: true,
      severityRank: true,
      startedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      durationSeconds: true,
      url: true,
      timeline: true,
      uploadId: true,
    },
  });

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("incident and deployment uploads", () => {
  it("stores a real PagerDuty page as PagerDuty incidents; uploading it again updates them instead of adding", async () => {
    const { token, workspace } = await tokenFor("editor");
    const page = sample("incidents-pagerduty/demisto__content/incidents.json");
    const first = await send(uploadRequest(token, page, { kind: "incidents" }));
    expect(first).toMatchObject({ kind: "incidents", format: "pagerduty-json", counts: { incidents: 2, deployments: 0 } });
    const stored = await incidentsOf(workspace.id);
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      source: "pagerduty",
      externalKey: "#1578",
      service: "API Service",
      severity: "high",
      severityRank: 2,
      startedAt: new Date("2023-11-19T05:51:15Z"),
      resolvedAt: new Date("2023-11-19T05:51:28Z"),
      durationSeconds: 13,
      url: "https://api.pagerduty.com/test",
      timeline: [{ at: "2023-11-19T05:51:14.000Z", type: "trigger", text: "Triggered through the API." }],
      uploadId: first.id,
    });
    const again = await send(uploadRequest(token, page));
    const after = await incidentsOf(workspace.id);
    expect(after).toHaveLength(2);
    expect(after.map((i) => i.uploadId)).toEqual([again.id, again.id]);
  });

  it("counts an uploaded incident that an alarm already raised as part of the alarm's incident", async () => {
    const { token, workspace } = await tokenFor("editor");
    const account = await db.awsAccount.create({
      data: {
        workspaceId: workspace.id,
        kind: "account",
        externalId: "e".repeat(40),
        accountId: "123456789012",
        status: "connected",
      },
    });
    // The synced alarm episode, two minutes before the uploaded INC-2041 on the same account and service.
    const alarm = await db.incident.create({
      data: {
        workspaceId: workspace.id,
        awsAccountRef: account.id,
        source: "cloudwatch",
        externalKey: "checkout-5xx@2025-03-03T14:00:00Z",
        title: "checkout-5xx",
        accountId: "123456789012",
        service: "checkout-api",
        startedAt: new Date("2025-03-03T14:00:00Z"),
        resolvedAt: new Date("2025-03-03T14:40:00Z"),
      },
    });
    await send(uploadRequest(token, fixture("incidents.json")));
    const merged = await db.incident.findMany({
      where: { workspaceId: workspace.id },
      select: { externalKey: true, mergedInto: true },
    });
    expect(new Map(merged.map((r) => [r.externalKey, r.mergedInto]))).toEqual(
      new Map([
        [alarm.externalKey, null],
        ["INC-2041", alarm.id],
        ["INC-2042", null],
        ["2043", null],
      ]),
    );
  });

  it("stores log entries' acknowledgement and timeline, and an open incident as open", async () => {
    const { token, workspace } = await tokenFor("editor");
    await send(uploadRequest(token, fixture("pagerduty-pages.json")));
    const [checkout, orders, payments] = await incidentsOf(workspace.id);
    expect(checkout).toMatchObject({
      externalKey: "Q1ZR4MBKP3EXAM",
      severity: "P1",
      severityRank: 1,
      acknowledgedAt: new Date("2026-02-10T09:19:30Z"),
      durationSeconds: 2915,
    });
    expect((checkout!.timeline as { type: string }[]).map((e) => e.type)).toEqual(["acknowledge", "resolve"]);
    expect(orders).toMatchObject({ acknowledgedAt: new Date("2026-02-11T21:55:00Z"), resolvedAt: null, durationSeconds: null });
    expect(payments).toMatchObject({ severityRank: 3, resolvedAt: null, acknowledgedAt: null });
  });

  it("stores a PagerDuty CSV export (detected by its header), small or staged, the same", async () => {
    const { token, workspace } = await tokenFor("editor");
    const csv = fixture("pagerduty-incidents.csv");
    const inline = await send(uploadRequest(token, csv, {}, "incidents.csv"));
    expect(inline).toMatchObject({ kind: "incidents", format: "pagerduty-csv", counts: { incidents: 3 } });
    const inlineRows = await incidentsOf(workspace.id);
    expect(inlineRows.map((i) => [i.externalKey, i.source, i.startedAt])).toEqual([
      ["Q1ZR4MBKP3EXAM", "pagerduty", new Date("2026-02-10T09:14:05Z")],
      ["Q2AB7XYZ0EXAMP", "pagerduty", new Date("2026-02-11T21:40:00Z")],
      ["Q3CD9EXAMPLE00", "pagerduty", new Date("2026-02-12T02:00:00Z")],
    ]);

    // Padded past the inline size with rows of more incidents: staged, then read by the worker.
    vi.stubEnv("LADDER_UPLOAD_INLINE_MB", "0.01");
    resetEnvCache();
    const more = Array.from(
      { length: 400 },
      (_, i) =>
        `"PBIG${i}","${5000 + i}","Disk ${i} full","resolved","low","","db","2026-03-01T00:00:00Z","2026-03-01T00:10:00Z",""`,
    );
    const queued = await handleUploadRequest(uploadRequest(token, `${csv}${more.join("\r\n")}\r\n`, {}, "incidents.csv"));
    expect(queued).toMatchObject({ status: 202, body: { status: "queued" } });
    await processStagedReport({ intakeId: queued.body.id, isLastAttempt: true });
    expect(await getUploadStatus({ workspaceId: workspace.id, id: queued.body.id })).toMatchObject({
      status: "stored",
      format: "pagerduty-csv",
      counts: { incidents: 403 },
    });
    const all = await incidentsOf(workspace.id);
    expect(all).toHaveLength(403);
    expect(all.slice(0, 3).map(({ uploadId: _, ...row }) => row)).toEqual(inlineRows.map(({ uploadId: _, ...row }) => row));
  });

  it("stores Opsgenie and incident.io incidents under their own sources", async () => {
    const { token, workspace } = await tokenFor("editor");
    await send(uploadRequest(token, sample("incidents-opsgenie/demisto__content/get_incidents.json")));
    await send(uploadRequest(token, fixture("opsgenie-alerts.json")));
    await send(uploadRequest(token, fixture("incident-io.json")));
    const bySource = await db.incident.groupBy({ by: ["source"], where: { workspaceId: workspace.id }, _count: true });
    expect(Object.fromEntries(bySource.map((g) => [g.source, g._count]))).toEqual({ opsgenie: 3, "incident-io": 2 });
    expect(
      await db.incident.findFirstOrThrow({
        where: { workspaceId: workspace.id, externalKey: "8418d193-2dab-4490-b331-8c02cdd196b7" },
      }),
    ).toMatchObject({ service: "checkout-api", environment: "prod", acknowledgedAt: new Date("2026-02-10T09:19:30Z") });
  });

  it("stores a real GitHub deployment_status payload as a reported deployment, once however often it is sent", async () => {
    const { token, workspace } = await tokenFor("editor");
    const payload = sample("deployments-github/octokit__webhooks/payload.json");
    const first = await send(uploadRequest(token, payload, { kind: "deployments" }));
    expect(first).toMatchObject({
      kind: "deployments",
      format: "github-deployment-status",
      counts: { deployments: 1, incidents: 0 },
    });
    await send(uploadRequest(token, payload));
    const rows = await db.reportedDeployment.findMany({ where: { workspaceId: workspace.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "github",
      externalKey: "145988746",
      service: "Codertocat/Hello-World",
      environment: "prod",
      commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      committedAt: null,
      startedAt: new Date("2019-05-15T15:20:53Z"),
      finishedAt: new Date("2019-05-15T15:20:55Z"),
      status: "succeeded",
    });
  });

  it("stores Ladder's deployments JSON with commit times", async () => {
    const { token, workspace } = await tokenFor("editor");
    const result = await send(uploadRequest(token, fixture("deployments.json"), { kind: "deployments" }));
    expect(result.counts.deployments).toBe(3);
    const rows = await db.reportedDeployment.findMany({ where: { workspaceId: workspace.id }, orderBy: { finishedAt: "asc" } });
    expect(rows.map((r) => [r.externalKey, r.environment, r.status, r.committedAt])).toEqual([
      ["gha-7781-1", "prod", "succeeded", new Date("2026-02-10T07:31:12Z")],
      ["gha-7790-1", "prod", "rolled_back", null],
      ["7791", "staging", "failed", null],
    ]);
  });

  it("refuses bad records with a 400 naming them, storing nothing", async () => {
    const { token, workspace } = await tokenFor("editor");
    const cases: [string, string, RegExp][] = [
      [
        "a PagerDuty incident without created_at",
        JSON.stringify({ incidents: [{ id: "A", title: "t", incident_number: 1, status: "triggered" }], more: false }),
        /incidents\[0\]\.created_at: is required/,
      ],
      [
        "a deployment finishing before it started",
        JSON.stringify({
          deployments: [
            {
              id: "d",
              service: "s",
              environment: "prod",
              status: "failed",
              startedAt: "2026-01-02T00:00:00Z",
              finishedAt: "2026-01-01T00:00:00Z",
            },
          ],
        }),
        /deployments\[0\] \(d\): finishedAt is before startedAt/,
      ],
      [
        "a CSV row with an unreadable time",
        "Incident ID,Title,Urgency,Created On\nP1,ok,high,2026-01-01T00:00:00Z\nP2,bad,high,yesterday\n",
        /line 3, "Created On": must be an ISO 8601/,
      ],
    ];
    for (const [, content, message] of cases) {
      await expect(handleUploadRequest(uploadRequest(token, content))).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    expect(await db.upload.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.incident.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.reportedDeployment.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses a viewer token", async () => {
    const viewer = await tokenFor("viewer");
    await expect(handleUploadRequest(uploadRequest(viewer.token, fixture("deployments.json")))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.reportedDeployment.count({ where: { workspaceId: viewer.workspace.id } })).toBe(0);
  });
});
