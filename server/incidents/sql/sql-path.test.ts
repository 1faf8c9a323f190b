import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { doraTableByEvents, doraTableFor } from "../dora-table";
import { mergeWorkspaceIncidents } from "../merge-store";
import { incidentsOverview, incidentsOverviewByEvents } from "../overview";
import { resolveScope } from "../scope";
import { incidentsTrends, incidentsTrendsByEvents } from "../trends";
import type { IncidentFilters } from "../types";

// The SQL path (server/incidents/sql/*) against the pure functions (compute/*, fed row by row by
// the loaders) on the same hand-built rows: both must give the very same trend and DORA table.
// The rows hold the golden tests' edge cases: the same incident from two or three sources (by alarm
// ARN, by account and service, through a chain, across the range's start), open incidents and one
// resolved after the range ends, a resolution stamped before the start, UTC boundaries, deployments
// without commit times or with one after the finish, rollbacks, failed deployments followed by an
// incident, two incidents after one deployment, incidents without an account or without a service,
// CI deployments without an account, and staging rows that must not count.

const PROD = "111111111111";
const PROD2 = "333333333333";
const STAGING = "222222222222";
const ARN = `arn:aws:cloudwatch:us-east-1:${PROD}:alarm:checkout-5xx`;
const ARN2 = `arn:aws:cloudwatch:us-east-1:${PROD}:alarm:checkout-latency`;
const NOW = new Date("2026-11-05T12:00:00Z");
const RANGE = { from: "2026-10-01", to: "2026-11-01" };
const t = (iso: string) => new Date(iso);

let workspaceId = "";
let emptyWorkspaceId = "";

async function account(ws: string, accountId: string, environment: "prod" | "staging", ouPath: string | null) {
  return db.awsAccount.create({
    data: {
      workspaceId: ws,
      kind: "account",
      externalId: "e".repeat(40),
      accountId,
      name: `acct-${accountId}`,
      status: "connected",
      environment,
      ouPath,
    },
  });
}

async function writeRows(ws: string) {
  const prod = await account(ws, PROD, "prod", "/Workloads/Prod");
  const prod2 = await account(ws, PROD2, "prod", null);
  const staging = await account(ws, STAGING, "staging", "/Workloads/Staging");
  const upload = await db.upload.create({
    data: { workspaceId: ws, kind: "incidents", format: "json", tool: "pagerduty", sizeBytes: 1, summary: {} },
  });
  let n = 0;
  const inc = (
    source: string,
    startedAt: string,
    resolvedAt: string | null,
    over: Partial<Prisma.IncidentCreateManyInput> = {},
  ): Prisma.IncidentCreateManyInput => ({
    workspaceId: ws,
    source,
    externalKey: `${source}-${++n}`,
    title: `incident ${n}`,
    accountId: PROD,
    service: "checkout",
    startedAt: t(startedAt),
    resolvedAt: resolvedAt === null ? null : t(resolvedAt),
    ...over,
  });
  await db.incident.createMany({
    data: [
      // Across the range's start: one incident that started in September, counted nowhere.
      inc("cloudwatch", "2026-09-30T23:55:00Z", "2026-10-01T00:20:00Z", { alarmArn: ARN }),
      inc("pagerduty", "2026-10-01T00:02:00Z", "2026-10-01T00:30:00Z", { uploadId: upload.id }),
      // 00:30 at +01:00 is still September in UTC.
      inc("cloudwatch", "2026-10-01T00:30:00+01:00", "2026-10-01T00:10:00Z", { service: "search" }),
      // A chain: page 08:00, page 08:05, Opsgenie 08:12 (12 minutes from the first): one incident.
      inc("pagerduty", "2026-10-03T08:00:00Z", "2026-10-03T09:00:00Z", { uploadId: upload.id, severity: "P2" }),
      inc("pagerduty", "2026-10-03T08:05:00Z", "2026-10-03T08:30:00Z", { uploadId: upload.id }),
      inc("opsgenie", "2026-10-03T08:12:00Z", "2026-10-03T09:10:00Z", { uploadId: upload.id }),
      // The same alarm and the record it opened five hours later, while it was still in alarm.
      inc("cloudwatch", "2026-10-05T00:00:00Z", "2026-10-05T06:00:00Z", { alarmArn: ARN2, severityRank: 1 }),
      inc("incident-manager", "2026-10-05T05:00:00Z", "2026-10-05T05:30:00Z", { alarmArn: ARN2, service: "Checkout API" }),
      // The same alarm and its record; another episode of the alarm a day later stays apart.
      inc("cloudwatch", "2026-10-10T12:00:00Z", "2026-10-10T12:40:00Z", { alarmArn: ARN, severity: "sev1" }),
      inc("incident-manager", "2026-10-10T12:03:00Z", "2026-10-10T12:45:00Z", { alarmArn: ARN, severityRank: 2, service: null }),
      inc("cloudwatch", "2026-10-11T12:00:00Z", "2026-10-11T12:07:00Z", { alarmArn: ARN, severity: "whatever" }),
      // Open, and resolved only after the range ends (open as of its end).
      inc("cloudwatch", "2026-10-20T10:00:00Z", null, { service: "search", severity: "low" }),
      inc("cloudwatch", "2026-10-30T10:00:00Z", "2026-11-03T00:00:00Z", { service: "search" }),
      // Resolution stamped before the start (0 s), then a second incident after the same deployment.
      inc("pagerduty", "2026-10-21T10:00:00Z", "2026-10-21T09:59:00Z", { uploadId: upload.id }),
      inc("pagerduty", "2026-10-21T11:00:00Z", "2026-10-21T13:00:00Z", { uploadId: upload.id }),
      // A failed deployment followed by an incident.
      inc("cloudwatch", "2026-10-25T11:00:00Z", "2026-10-25T11:45:00Z"),
      // Without an account (production by its own environment); on an account; without a service.
      inc("upload", "2026-10-20T09:00:00Z", "2026-10-20T10:00:00Z", {
        accountId: null,
        service: "billing",
        environment: "prod",
        uploadId: upload.id,
      }),
      inc("upload", "2026-10-22T09:00:00Z", "2026-10-22T09:20:00Z", { service: "billing", uploadId: upload.id }),
      inc("upload", "2026-10-23T09:00:00Z", "2026-10-23T09:20:00Z", { service: "billing", uploadId: upload.id }),
      inc("upload", "2026-10-24T09:00:00Z", "2026-10-24T09:20:00Z", { service: null, uploadId: upload.id }),
      // Staging: counted in the trend, never in DORA.
      inc("cloudwatch", "2026-10-10T12:30:00Z", "2026-10-10T13:00:00Z", { accountId: STAGING, awsAccountRef: staging.id }),
      // The last minute of October, and the first of November (after the range, inside the failure window).
      inc("cloudwatch", "2026-10-31T23:59:00Z", "2026-11-01T00:30:00Z", { accountId: PROD2, service: "payments" }),
      inc("cloudwatch", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z", { accountId: PROD2, service: "payments" }),
    ],
  });
  const cd = (
    ref: string,
    id: string,
    app: string,
    completedAt: string,
    over: Partial<Prisma.DeploymentCreateManyInput> = {},
  ): Prisma.DeploymentCreateManyInput => ({
    awsAccountRef: ref,
    region: "us-east-1",
    deploymentId: id,
    applicationName: app,
    groupName: `${app}-prod`,
    status: "Succeeded",
    deploymentConfig: "CodeDeployDefault.ECSAllAtOnce",
    creator: "user",
    createdAtAws: new Date(t(completedAt).getTime() - 10 * 60_000),
    completedAt: t(completedAt),
    ...over,
  });
  // As every writer does: the same-incident rule applied to what was written.
  await mergeWorkspaceIncidents(ws);
  await db.deployment.createMany({
    data: [
      cd(prod.id, "d-1", "checkout", "2026-09-30T20:00:00Z"),
      cd(prod.id, "d-2", "checkout", "2026-10-02T10:00:00Z"),
      cd(prod.id, "d-3", "checkout", "2026-10-03T07:00:00Z"),
      cd(prod.id, "d-4", "checkout", "2026-10-04T23:00:00Z", { status: "Failed" }),
      cd(prod.id, "d-5", "checkout", "2026-10-10T10:00:00Z", {
        deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      }),
      cd(prod.id, "d-6", "checkout", "2026-10-10T11:00:00Z", { creator: "autoscaling" }),
      cd(prod.id, "d-7", "checkout", "2026-10-15T10:00:00Z", { status: "Stopped", rolledBack: true }),
      cd(prod.id, "d-8", "search", "2026-10-20T09:00:00Z"),
      cd(prod.id, "d-9", "checkout", "2026-10-21T09:30:00Z"),
      cd(prod.id, "d-10", "checkout", "2026-10-25T10:00:00Z", { status: "Failed" }),
      cd(prod2.id, "d-11", "payments", "2026-10-31T20:00:00Z"),
      cd(staging.id, "d-12", "checkout", "2026-10-10T11:30:00Z"),
    ],
  });
  let k = 0;
  const ci = (
    service: string,
    environment: string,
    accountId: string | null,
    finishedAt: string,
    committedAt: string | null,
  ): Prisma.ReportedDeploymentCreateManyInput => ({
    workspaceId: ws,
    uploadId: upload.id,
    source: "github",
    externalKey: `gh-${++k}`,
    service,
    environment,
    accountId,
    finishedAt: t(finishedAt),
    committedAt: committedAt === null ? null : t(committedAt),
    status: "succeeded",
  });
  await db.reportedDeployment.createMany({
    data: [
      ci("checkout", "production", PROD, "2026-10-10T11:45:00Z", "2026-10-10T09:00:00Z"),
      ci("billing", "production", null, "2026-10-20T08:00:00Z", "2026-10-20T08:30:00Z"),
      ci("billing", "production", PROD, "2026-10-22T08:00:00Z", "2026-10-21T08:00:00Z"),
      ci("billing", "prod", null, "2026-10-23T08:30:00Z", "2026-10-23T08:00:00Z"),
      ci("billing", "prod", PROD, "2026-10-23T08:30:00Z", "2026-10-22T08:00:00Z"),
      ci("checkout", "staging", PROD, "2026-10-12T08:00:00Z", "2026-10-12T07:00:00Z"),
    ],
  });
  await db.fisExperiment.createMany({
    data: [
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-1",
        templateId: "T",
        status: "completed",
        startTime: t("2026-10-06T10:00:00Z"),
      },
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-2",
        templateId: "T",
        status: "stopped",
        startTime: t("2026-10-13T10:00:00Z"),
      },
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-3",
        templateId: "T",
        status: "Failed",
        startTime: t("2026-10-31T23:30:00Z"),
      },
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-4",
        templateId: "T",
        status: "completed",
        startTime: null,
      },
    ],
  });
}

const both = async (ws: string, filters: IncidentFilters) => {
  const scope = await resolveScope(ws, filters, NOW);
  return {
    trends: [await incidentsTrends(scope, NOW), await incidentsTrendsByEvents(scope, NOW)] as const,
    dora: [await doraTableFor(scope, NOW), await doraTableByEvents(scope, NOW)] as const,
    overview: [
      await incidentsOverview({ workspaceId: ws, filters, base: "/w/x", now: NOW }),
      await incidentsOverviewByEvents({ workspaceId: ws, filters, base: "/w/x", now: NOW }),
    ] as const,
  };
};

beforeAll(async () => {
  const { workspace } = await workspaceWithOwner("Incidents SQL");
  workspaceId = workspace.id;
  await writeRows(workspaceId);
  emptyWorkspaceId = (await workspaceWithOwner("Incidents SQL empty")).workspace.id;
}, 120_000);

describe("the incidents' SQL path", () => {
  it("gives the reference's monthly and weekly trend and DORA table, duplicates merged and failures attributed", async () => {
    const month = await both(workspaceId, { ...RANGE, bucket: "month" });
    expect(month.trends[0]).toEqual(month.trends[1]);
    expect(month.dora[0]).toEqual(month.dora[1]);
    // The rows do hold the cases: three merges, an open incident, incidents and rollbacks that fail deployments.
    const [trend, dora] = [month.trends[0], month.dora[0]];
    expect(trend.totals.duplicatesMerged).toBe(4);
    expect(trend.totals.restore.open).toBe(3);
    const inputs = Object.fromEntries(dora.workspace.changeFailureRate.inputs.map((i) => [i.label, i.value]));
    expect(inputs).toMatchObject({ "Rolled back": "1", "Reported failed": "2", "Followed by an incident": "8" });
    expect(dora.workspace.recoveryTime.n).toBeGreaterThan(3);
    expect(dora.byOu.map((r) => r.key)).toEqual(["/Workloads/Prod"]);
    // The whole page: overlays, suggestions (a canary arrival, the first experiments) and sources.
    expect(month.overview[0]).toEqual(month.overview[1]);
    expect(month.overview[0].suggestions.map((c) => c.kind).sort()).toEqual(["canary", "first-chaos"]);
    expect(month.overview[0].annotations.length).toBeGreaterThan(3);

    const week = await both(workspaceId, { ...RANGE, bucket: "week" });
    expect(week.trends[0]).toEqual(week.trends[1]);
    expect(week.trends[0].buckets[0]!.start).toBe("2026-09-28");
  });

  it("agrees under every filter and another failure window", async () => {
    const cases: IncidentFilters[] = [
      { ...RANGE, accountId: PROD },
      { ...RANGE, environment: "prod" },
      { ...RANGE, service: "billing" },
      { ...RANGE, ou: "/Workloads/Prod" },
      { ...RANGE, failureWindowHours: 2 },
      { from: "2026-10-10", to: "2026-10-22", bucket: "week" },
    ];
    for (const filters of cases) {
      const { trends, dora, overview } = await both(workspaceId, filters);
      expect(trends[0], JSON.stringify(filters)).toEqual(trends[1]);
      expect(dora[0], JSON.stringify(filters)).toEqual(dora[1]);
      expect(overview[0], JSON.stringify(filters)).toEqual(overview[1]);
    }
  });

  it("agrees on an empty workspace: no data, never invented", async () => {
    const { trends, dora, overview } = await both(emptyWorkspaceId, RANGE);
    expect(trends[0]).toEqual(trends[1]);
    expect(dora[0]).toEqual(dora[1]);
    expect(overview[0]).toEqual(overview[1]);
    expect(dora[0].workspace.leadTime.value).toBeNull();
  });
});
