import { describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { handleIncidentsExport } from "~/server/incidents/export-request";
import { mergeWorkspaceIncidents } from "~/server/incidents/merge-store";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";
import { createSession } from "~/server/users/users.service";

// The incidents API on hand-built rows: who may read it, what the filters keep, the same-incident
// rule across sources, an incident's detail with the deployment before it, the export, and that
// another workspace gets NOT_FOUND everywhere.

const PROD = "111111111111";
const STAGING = "222222222222";
const ARN = `arn:aws:cloudwatch:us-east-1:${PROD}:alarm:checkout-api-5xx-rate`;
const RANGE = { from: "2026-10-01", to: "2026-11-01" };
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 9, day, hour, minute));

async function connect(workspaceId: string, accountId: string, environment: "prod" | "staging") {
  return db.awsAccount.create({
    data: {
      workspaceId,
      kind: "account",
      externalId: "e".repeat(40),
      accountId,
      name: `shop-${environment}`,
      status: "connected",
      environment,
      ouPath: environment === "prod" ? "/Workloads/Prod" : "/Workloads/Staging",
    },
  });
}

const incident = (
  workspaceId: string,
  key: string,
  data: Omit<Prisma.IncidentUncheckedCreateInput, "workspaceId" | "externalKey" | "title">,
): Prisma.IncidentUncheckedCreateInput => ({
  workspaceId,
  externalKey: key,
  title: key,
  accountId: PROD,
  service: "checkout",
  ...data,
});

const codeDeploy = (
  awsAccountRef: string,
  id: string,
  app: string,
  data: Partial<Prisma.DeploymentCreateManyInput>,
): Prisma.DeploymentCreateManyInput => ({
  awsAccountRef,
  region: "us-east-1",
  deploymentId: id,
  applicationName: app,
  groupName: `${app}-prod`,
  status: "Succeeded",
  deploymentConfig: "CodeDeployDefault.ECSAllAtOnce",
  creator: "user",
  ...data,
});

/**
 * PROD (/Workloads/Prod): the checkout alarm (10 Oct 12:00–12:40), the Incident Manager record it
 * opened (12:03, same ARN) and the PagerDuty page (12:10, same account and service) — one incident —
 * and a second page at 12:30 (another). STAGING: an open search alarm. No account: a billing upload.
 */
async function incidentWorkspace(name: string) {
  const owner = await workspaceWithOwner(name);
  const ws = owner.workspace.id;
  const prod = await connect(ws, PROD, "prod");
  const staging = await connect(ws, STAGING, "staging");
  const upload = await db.upload.create({
    data: { workspaceId: ws, kind: "incidents", format: "json", tool: "pagerduty", sizeBytes: 1, summary: {} },
  });
  const rows = await Promise.all([
    db.incident.create({
      data: incident(ws, "cw-1", {
        source: "cloudwatch",
        awsAccountRef: prod.id,
        alarmArn: ARN,
        severity: "sev1",
        startedAt: at(10, 12),
        resolvedAt: at(10, 12, 40),
      }),
    }),
    db.incident.create({
      data: incident(ws, "im-1", {
        source: "incident-manager",
        service: "Checkout API",
        alarmArn: ARN,
        severityRank: 2,
        startedAt: at(10, 12, 3),
        resolvedAt: at(10, 12, 45),
        timeline: [{ at: at(10, 12, 20).toISOString(), type: "note", text: "Rolled back checkout" }],
      }),
    }),
    db.incident.create({
      data: incident(ws, "pd-1", {
        source: "pagerduty",
        uploadId: upload.id,
        startedAt: at(10, 12, 10),
        resolvedAt: at(10, 12, 50),
      }),
    }),
    db.incident.create({
      data: incident(ws, "pd-2", {
        source: "pagerduty",
        uploadId: upload.id,
        startedAt: at(10, 12, 30),
        resolvedAt: at(10, 13, 30),
      }),
    }),
    db.incident.create({
      data: incident(ws, "cw-2", {
        source: "cloudwatch",
        awsAccountRef: staging.id,
        accountId: STAGING,
        service: "search",
        startedAt: at(12, 8),
      }),
    }),
    db.incident.create({
      data: incident(ws, "up-1", {
        source: "upload",
        uploadId: upload.id,
        accountId: null,
        service: "billing",
        environment: "prod",
        startedAt: at(20, 9),
        resolvedAt: at(20, 10),
      }),
    }),
  ]);
  // As every writer does: the same-incident rule applied to what was written.
  await mergeWorkspaceIncidents(ws);
  await db.deployment.createMany({
    data: [
      codeDeploy(prod.id, "d-0", "checkout", { createdAtAws: at(1, 9), completedAt: at(1, 10) }),
      codeDeploy(prod.id, "d-3", "checkout", { status: "Failed", createdAtAws: at(9, 9, 55), completedAt: at(9, 10) }),
      codeDeploy(prod.id, "d-1", "checkout", {
        deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
        createdAtAws: at(10, 9, 50),
        completedAt: at(10, 10),
        commitSha: "abc123",
      }),
      codeDeploy(prod.id, "d-2", "checkout", { creator: "autoscaling", createdAtAws: at(10, 10, 55), completedAt: at(10, 11) }),
      codeDeploy(prod.id, "d-4", "search", { createdAtAws: at(10, 11, 25), completedAt: at(10, 11, 30) }),
    ],
  });
  await db.reportedDeployment.create({
    data: {
      workspaceId: ws,
      uploadId: upload.id,
      source: "github",
      externalKey: "gh-1",
      service: "checkout",
      environment: "production",
      accountId: PROD,
      commitSha: "def456",
      committedAt: at(10, 9),
      startedAt: at(10, 11, 40),
      finishedAt: at(10, 11, 45),
      status: "succeeded",
    },
  });
  await db.fisExperiment.createMany({
    data: [
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-running",
        templateId: "EXT-1",
        status: "completed",
        startTime: at(10, 11, 50),
        endTime: at(10, 12, 20),
      },
      {
        awsAccountRef: prod.id,
        region: "us-east-1",
        experimentId: "EXP-earlier",
        templateId: "EXT-1",
        status: "completed",
        startTime: at(10, 10, 30),
        endTime: at(10, 11),
      },
    ],
  });
  const id = (key: string) => rows.find((r) => r.externalKey === key)!.id;
  return { ...owner, id };
}

describe("incidents API", () => {
  it("lets a viewer read the trend, counting an alarm, its record and its page once", async () => {
    const { caller, slug, id } = await incidentWorkspace("IncRead");
    const { caller: viewer } = await addMember(caller, slug, "viewer", "Vera");
    const o = await viewer.incidents.overview({ workspace: slug, ...RANGE });
    expect(o.totals.incidents).toBe(4);
    expect(o.totals.duplicatesMerged).toBe(2);
    expect(o.buckets.map((b) => [b.start, b.incidents.total])).toEqual([["2026-10-01", 4]]);
    expect(o.buckets[0]!.incidents.bySeverity).toMatchObject({ critical: 1, unknown: 3 });
    // checkout: 2026-10-01 and 10-09 all at once, the canary 10-10 and the GitHub deployment; search 10-10. Autoscaling left out.
    expect(o.buckets[0]!.deployments).toEqual({ total: 5, failed: 1, rolledBack: 0 });
    expect(o.openNow).toBe(1);
    expect(o.sources).toEqual([
      "CloudWatch alarms",
      "Incident Manager",
      "Incident upload",
      "PagerDuty upload",
      "CodeDeploy",
      "GitHub deployments",
      "FIS experiments",
    ]);
    expect(o.options.services).toEqual(["Checkout API", "billing", "checkout", "search"]);
    expect(o.options.ous.map((u) => u.path)).toEqual([]);
    expect(o.annotations.map((a) => [a.kind, a.status])).toEqual(
      expect.arrayContaining([
        ["deployment", "failed"],
        ["experiment", "completed"],
      ]),
    );

    const list = await viewer.incidents.list({ workspace: slug, ...RANGE, pageSize: 2 });
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => r.title)).toEqual(["up-1", "cw-2"]);
    const page2 = await viewer.incidents.list({ workspace: slug, ...RANGE, pageSize: 2, page: 2 });
    expect(page2.rows.map((r) => [r.title, r.alsoFrom.map((a) => a.source)])).toEqual([
      ["pd-2", []],
      ["cw-1", ["incident-manager", "pagerduty"]],
    ]);
    expect(page2.rows[1]).toMatchObject({
      id: id("cw-1"),
      durationSeconds: 2400,
      severityKey: "critical",
      accountName: "shop-prod",
    });
  });

  it("narrows by OU, environment, account and service, and keeps rows without an account under their own environment", async () => {
    const { caller, slug } = await incidentWorkspace("IncFilter");
    const count = async (filters: Record<string, string>) =>
      (await caller.incidents.overview({ workspace: slug, ...RANGE, ...filters })).totals.incidents;
    expect(await count({ environment: "prod" })).toBe(3);
    expect(await count({ environment: "staging" })).toBe(1);
    expect(await count({ ou: "/Workloads/Staging" })).toBe(1);
    expect(await count({ ou: "/Workloads" })).toBe(3);
    expect(await count({ accountId: PROD })).toBe(2);
    expect(await count({ service: "checkout" })).toBe(2);
    expect(await count({ service: "checkout", accountId: STAGING })).toBe(0);
    const staging = await caller.incidents.overview({ workspace: slug, ...RANGE, environment: "staging" });
    expect(staging.buckets[0]!.deployments.total).toBe(0);
    const prod = await caller.incidents.overview({ workspace: slug, ...RANGE, environment: "prod", service: "checkout" });
    expect(prod.buckets[0]!.deployments.total).toBe(4);
    await expect(caller.incidents.overview({ workspace: slug, from: "2026-11-01", to: "2026-10-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shows an incident as the incident it is counted as, with every timeline, the deployments in the 24 h before and experiments in flight", async () => {
    const { caller, slug, id } = await incidentWorkspace("IncDetail");
    const d = await caller.incidents.detail({ workspace: slug, incidentId: id("im-1") });
    expect(d.incident).toMatchObject({ id: id("cw-1"), source: "cloudwatch" });
    expect(d.incident.alsoFrom).toEqual([
      { id: id("im-1"), source: "incident-manager" },
      { id: id("pd-1"), source: "pagerduty" },
    ]);
    expect(d.timeline.map((e) => [e.at.slice(11, 16), e.type])).toEqual([
      ["12:00", "started"],
      ["12:10", "started"],
      ["12:20", "note"],
      ["12:40", "resolved"],
      ["12:50", "resolved"],
    ]);
    // The GitHub deployment at 11:45 and the canary at 10:00; not the autoscaling one, not search, not the failed one 26 h before.
    expect(d.deploymentsBefore.map((x) => [x.source, x.finishedAt.slice(11, 16), x.commitSha])).toEqual([
      ["github", "11:45", "def456"],
      ["codedeploy", "10:00", "abc123"],
    ]);
    expect(d.experimentsInFlight.map((x) => x.experimentId)).toEqual(["EXP-running"]);
    expect(d.origin).toEqual({ source: "cloudwatch", key: "cw-1", alarmArn: ARN, uploadId: null, url: null });
  });

  it("compares before and after the canary arrival it suggests", async () => {
    const { caller, slug } = await incidentWorkspace("IncCompare");
    const o = await caller.incidents.overview({ workspace: slug, ...RANGE });
    const canary = o.suggestions.find((s) => s.kind === "canary")!;
    expect(canary).toMatchObject({ at: at(10, 10).toISOString(), accountId: PROD, service: "checkout" });
    const c = await caller.incidents.compare({ workspace: slug, changeId: canary.id, windowDays: 30 });
    expect([c.before.deployments, c.before.failedDeployments, c.after.deployments]).toEqual([2, 1, 2]);
    // A first chaos experiment resolves from the experiments, which a canary's comparison does not read.
    const chaos = o.suggestions.find((s) => s.kind === "first-chaos")!;
    const byChaos = await caller.incidents.compare({ workspace: slug, changeId: chaos.id, windowDays: 30 });
    expect(byChaos.change).toEqual(chaos);
    await expect(
      caller.incidents.compare({ workspace: slug, changeId: "canary:nope:2026-10-10T10:00:00.000Z" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives the Outcomes tile the last 30 days against the 30 before, with no data as null", async () => {
    const owner = await workspaceWithOwner("IncOutcomes");
    const ws = owner.workspace.id;
    const prod = await connect(ws, PROD, "prod");
    const today = new Date(new Date().toISOString().slice(0, 10));
    const daysBack = (days: number, minute = 0) => new Date(today.getTime() - days * 86_400_000 + (12 * 60 + minute) * 60_000);
    // Two days ago: the alarm (40 min) and its page, one incident, 30 min after a failed deployment; 40 days ago: another.
    await db.incident.createMany({
      data: [
        incident(ws, "cw-recent", { source: "cloudwatch", alarmArn: ARN, startedAt: daysBack(2), resolvedAt: daysBack(2, 40) }),
        incident(ws, "pd-recent", { source: "pagerduty", startedAt: daysBack(2, 3), resolvedAt: daysBack(2, 50) }),
        incident(ws, "cw-older", { source: "cloudwatch", alarmArn: ARN, startedAt: daysBack(40), resolvedAt: daysBack(40, 10) }),
      ],
    });
    await mergeWorkspaceIncidents(ws);
    await db.deployment.createMany({
      data: [
        codeDeploy(prod.id, "d-ok", "checkout", { createdAtAws: daysBack(3), completedAt: daysBack(3, 5) }),
        codeDeploy(prod.id, "d-bad", "checkout", { createdAtAws: daysBack(2, -40), completedAt: daysBack(2, -30) }),
      ],
    });
    const { caller: viewer } = await addMember(owner.caller, owner.slug, "viewer", "Vic");
    const o = await viewer.incidents.outcomes({ workspace: owner.slug });
    expect(o.incidents).toEqual({ recent: 1, previous: 1 });
    expect(o.restore).toEqual({ n: 1, median: 2400, p90: 2400, open: 0 });
    expect(o.changeFailureRate).toEqual({ value: 0.5, failed: 1, deployments: 2, failureWindowHours: 24 });
    expect(o.recent.to).toBe(new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10));

    const other = await workspaceWithOwner("IncOutcomesOther");
    await expect(other.caller.incidents.outcomes({ workspace: owner.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const empty = await other.caller.incidents.outcomes({ workspace: other.slug });
    expect(empty.incidents).toBeNull();
    expect(empty.restore).toEqual({ n: 0, median: null, p90: null, open: 0 });
    expect(empty.changeFailureRate).toMatchObject({ value: null, deployments: 0 });
  });

  it("answers NOT_FOUND to another workspace for every procedure and the export; a token sees its own only", async () => {
    const { caller, slug, id } = await incidentWorkspace("IncOwner");
    const other = await workspaceWithOwner("IncOther");
    const changeId = (await caller.incidents.overview({ workspace: slug, ...RANGE })).suggestions[0]!.id;
    const denied = { code: "NOT_FOUND" };
    await expect(other.caller.incidents.overview({ workspace: slug })).rejects.toMatchObject(denied);
    await expect(other.caller.incidents.list({ workspace: slug })).rejects.toMatchObject(denied);
    await expect(other.caller.incidents.detail({ workspace: slug, incidentId: id("cw-1") })).rejects.toMatchObject(denied);
    await expect(other.caller.incidents.compare({ workspace: slug, changeId })).rejects.toMatchObject(denied);
    await expect(other.caller.incidents.detail({ workspace: other.slug, incidentId: id("cw-1") })).rejects.toMatchObject(denied);
    await expect(other.caller.incidents.compare({ workspace: other.slug, changeId })).rejects.toMatchObject(denied);
    expect((await other.caller.incidents.overview({ workspace: other.slug, ...RANGE })).totals.incidents).toBe(0);

    const session = await createSession({ userId: other.owner.id });
    const bySession = (query: string) =>
      handleIncidentsExport(
        new Request(`http://ladder.test/api/v1/incidents/export?${query}`, {
          headers: { cookie: `next-auth.session-token=${session.sessionToken}` },
        }),
      );
    await expect(bySession(`table=incidents&workspace=${slug}`)).rejects.toMatchObject(denied);
    const { token } = await other.caller.tokens.create({ workspace: other.slug, name: "BI", role: "viewer" });
    const byToken = (query: string) =>
      handleIncidentsExport(
        new Request(`http://ladder.test/api/v1/incidents/export?${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
    for (const table of ["incidents", "deployments"]) {
      const own = (await (await byToken(`table=${table}&format=json&from=${RANGE.from}&to=${RANGE.to}`)).json()) as {
        rows: unknown[];
      };
      expect(own.rows).toEqual([]);
    }
  });

  it("exports incidents, deployments and the DORA table as CSV and JSON with the filters", async () => {
    const { caller, slug } = await incidentWorkspace("IncExport");
    const { token } = await caller.tokens.create({ workspace: slug, name: "BI", role: "viewer" });
    const get = (query: string) =>
      handleIncidentsExport(
        new Request(`http://ladder.test/api/v1/incidents/export?${query}&from=${RANGE.from}&to=${RANGE.to}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    const csv = await (await get("table=incidents&format=csv&environment=prod")).text();
    const [header, ...lines] = csv.trim().split("\n");
    expect(header!.split(",")).toEqual([
      "id",
      "source",
      "title",
      "accountId",
      "accountName",
      "service",
      "environment",
      "severity",
      "severityKey",
      "startedAt",
      "acknowledgedAt",
      "resolvedAt",
      "durationSeconds",
      "url",
      "alsoFrom",
    ]);
    expect(lines.map((l) => l.split(",")[2])).toEqual(["cw-1", "pd-2", "up-1"]);
    expect(lines[0]).toMatch(/,incident-manager:\S+ pagerduty:\S+$/);
    const deployments = (await (await get("table=deployments&format=json&service=checkout")).json()) as {
      rows: { source: string; status: string }[];
    };
    expect(deployments.rows.map((r) => `${r.source}:${r.status}`)).toEqual([
      "codedeploy:succeeded",
      "codedeploy:failed",
      "codedeploy:succeeded",
      "github:succeeded",
    ]);
    const dora = await (await get("table=dora&format=csv")).text();
    expect(dora.split("\n")[0]).toMatch(/^scope,key,label,deploymentsPerDay,deploymentsPerDayN,/);
    expect(dora.split("\n")[1]).toMatch(/^workspace,/);
    await expect(get("table=secrets")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(get("table=incidents&window=soon")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
