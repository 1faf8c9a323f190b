import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { costWindow } from "~/server/aws/sources/cost-window";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { deploymentData } from "~/simulator/data/deployments";
import { incidentRecords } from "~/simulator/data/incident-records";
import { type SourceName } from "./sources";
import { startSync } from "./runs.service";
import { startWorker } from "./worker";

// The incidents source with Incident Manager, and the deployment commits, synced from the demo
// organisation: one workspace, its incidents and delivery sources only.

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;
let ws: Awaited<ReturnType<typeof workspaceWithDemoOrganization>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5 });
  ws = await workspaceWithDemoOrganization(sim.current, "Incident Manager");
});
afterAll(() => worker.stop());
afterEach(() => sim.current.state.clearFaults());

async function sync(sources: SourceName[]) {
  const run = await startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual", sources });
  return waitForRun(ws.workspace.id, run.id, 120_000);
}

const MINUTE = 60_000;

// What a workspace stored of Incident Manager, without the columns that name the workspace's own rows.
async function storedRecords(workspaceId: string) {
  const rows = await db.incident.findMany({
    where: { workspaceId, source: "incident-manager" },
    orderBy: { externalKey: "asc" },
  });
  return rows.map(({ id, workspaceId: _w, awsAccountRef: _a, lastSeenRunId: _r, mergedInto, ...row }) => ({
    ...row,
    merged: mergedInto !== null && id !== mergedInto,
  }));
}

describe("syncing Incident Manager with the alarms", () => {
  it("stores records beside alarm incidents of the same episode, deployment commits, and a re-sync changes nothing", async () => {
    const first = await sync(["incidents", "delivery"]);
    expect(first.errors).toEqual([]);
    expect(first.permissionGaps).toEqual([]);
    expect(first.status).toBe("succeeded");

    const accounts = await db.awsAccount.findMany({ where: { workspaceId: ws.workspace.id, accountId: { not: null } } });
    const since = new Date(`${costWindow({ now: new Date() }).start}T00:00:00Z`);
    const expected = accounts.flatMap((a) =>
      incidentRecords(sim.current.state.data, a.accountId!).filter((r) => r.creationTime > since),
    );
    expect(expected.length).toBeGreaterThan(20);
    const rows = await db.incident.findMany({ where: { workspaceId: ws.workspace.id, source: "incident-manager" } });
    expect(rows.map((r) => r.externalKey).sort()).toEqual(expected.map((r) => r.arn).sort());
    for (const r of expected) {
      const row = rows.find((x) => x.externalKey === r.arn)!;
      expect(row).toMatchObject({
        title: r.title,
        service: r.service,
        environment: "prod",
        severityRank: r.impact,
        severity: ["Critical", "High", "Medium", "Low", "No impact"][r.impact - 1],
        startedAt: r.creationTime,
        resolvedAt: r.resolvedTime,
        acknowledgedAt: null,
        alarmArn: r.resourceArn,
      });
      expect(row.url).toContain(encodeURIComponent(r.arn));
      expect(row.durationSeconds).toBe(r.resolvedTime ? Math.round((+r.resolvedTime - +r.creationTime) / 1000) : null);
      const timeline = row.timeline as Array<{ at: string; type: string; text: string }>;
      expect(timeline[0]).toEqual({
        at: r.creationTime.toISOString(),
        type: "created",
        text: `Incident record created (${r.source})`,
      });
      expect(timeline.map((t) => t.at)).toEqual(timeline.map((t) => t.at).sort());
    }

    // Each record an alarm opened has its alarm incident: same alarm ARN and service, started a minute or two before.
    const alarmIncidents = await db.incident.findMany({ where: { workspaceId: ws.workspace.id, source: "cloudwatch" } });
    const fromAlarms = rows.filter((r) => r.alarmArn);
    expect(fromAlarms.length).toBeGreaterThan(0);
    for (const record of fromAlarms) {
      const matches = alarmIncidents.filter(
        (i) =>
          i.alarmArn === record.alarmArn &&
          i.service === record.service &&
          i.accountId === record.accountId &&
          +record.startedAt - +i.startedAt >= MINUTE &&
          +record.startedAt - +i.startedAt <= 150_000,
      );
      expect(matches, record.externalKey).toHaveLength(1);
    }
    // Alarm incidents now say their alarm, severity rank (sev1 → 1) and the account's environment.
    expect(alarmIncidents.every((i) => i.alarmArn && i.externalKey.startsWith(`${i.alarmArn}@`))).toBe(true);
    expect(alarmIncidents[0]!.url).toBe(
      `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/${encodeURIComponent(alarmIncidents[0]!.title)}`,
    );
    const environmentOf = new Map(accounts.map((a) => [a.id, a.environment]));
    expect(alarmIncidents.every((i) => i.environment === environmentOf.get(i.awsAccountRef!))).toBe(true);
    expect(new Set(alarmIncidents.map((i) => i.environment))).toContain("prod");
    const rankOf = (suffix: string) =>
      new Set(alarmIncidents.filter((i) => i.alarmArn!.endsWith(suffix)).map((i) => i.severityRank));
    expect([rankOf("api-5xx-rate"), rankOf("api-p99-latency"), rankOf("worker-queue-age")]).toEqual([
      new Set([1]),
      new Set([2]),
      new Set([3]),
    ]);

    // Deployments carry the GitHub commit CodeDeploy reports (API groups) and their creator.
    const deployments = await db.deployment.findMany({ where: { awsAccount: { workspaceId: ws.workspace.id } } });
    const simDeployments = accounts.flatMap((a) => deploymentData(sim.current.state.data, a.accountId!).deployments);
    expect(deployments).toHaveLength(simDeployments.length);
    for (const d of simDeployments.slice(0, 200)) {
      expect(deployments.find((x) => x.deploymentId === d.id)).toMatchObject({ commitSha: d.commitId, creator: "user" });
    }
    expect(deployments.some((d) => d.commitSha === null) && deployments.some((d) => d.commitSha !== null)).toBe(true);

    const second = await sync(["incidents"]);
    expect(second.status).toBe("succeeded");
    expect([second.rowsInserted, second.rowsUpdated, second.rowsDeleted]).toEqual([0, 0, 0]);
    expect(await db.incident.count({ where: { workspaceId: ws.workspace.id, source: "incident-manager" } })).toBe(rows.length);
  });

  it("records a role without Incident Manager as a permission gap and keeps what it read before", async () => {
    const before = await db.incident.count({ where: { workspaceId: ws.workspace.id } });
    sim.current.state.addFault({ kind: "access-denied", service: "ssm-incidents", action: "ListIncidentRecords" });
    const run = await sync(["incidents"]);
    expect(run.status).toBe("succeeded");
    expect(run.errors).toEqual([]);
    const prodAccounts = sim.current.state.organization.accounts.filter((a) => a.environment === "prod").length;
    const accounts = await db.awsAccount.count({ where: { workspaceId: ws.workspace.id, accountId: { not: null } } });
    expect(run.permissionGaps).toHaveLength(accounts);
    expect(prodAccounts).toBeGreaterThan(0);
    expect(new Set(run.permissionGaps.map((g) => `${g.source} ${g.action}`))).toEqual(
      new Set(["incidents ssm-incidents:ListIncidentRecords"]),
    );
    expect(run.rowsDeleted).toBe(0);
    expect(await db.incident.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });

  it("re-reads details only of new, open and changed records, and stores what a full sync of the same state stores", async () => {
    const accounts = await db.awsAccount.findMany({ where: { workspaceId: ws.workspace.id, accountId: { not: null } } });
    const since = new Date(`${costWindow({ now: new Date() }).start}T00:00:00Z`);
    const listed = (accountId: string) =>
      incidentRecords(sim.current.state.data, accountId).filter((r) => r.creationTime > since);
    const [a, b] = accounts.filter((x) => listed(x.accountId!).length >= 3).map((x) => x.accountId!);
    expect(b).toBeDefined();
    const records = incidentRecords(sim.current.state.data, a!);
    const resolved = records.filter((r) => r.creationTime > since && r.status === "RESOLVED");
    // Renamed; resolved again later with a new event; removed; and a new record in another account.
    resolved[0]!.title = `${resolved[0]!.title} (renamed)`;
    const later = new Date(resolved[1]!.resolvedTime!.getTime() + 30 * MINUTE);
    resolved[1]!.timeline.push({ id: "reopened", time: later, type: "Note", data: "Resolved again", resources: [] });
    resolved[1]!.resolvedTime = later;
    records.splice(records.indexOf(resolved[2]!), 1);
    const others = incidentRecords(sim.current.state.data, b!);
    const copy = others.find((r) => r.creationTime > since && r.status === "RESOLVED")!;
    others.push({
      ...copy,
      arn: `${copy.arn.slice(0, -4)}beef`,
      title: "Added since the last sync",
      status: "OPEN",
      resolvedTime: null,
      timeline: copy.timeline.slice(0, 1),
    });

    const everyListed = accounts.flatMap((x) => listed(x.accountId!));
    const open = everyListed.filter((r) => r.status !== "RESOLVED").length;
    expect(open).toBeLessThan(everyListed.length / 2);
    expect(everyListed.filter((r) => r.status === "OPEN").map((r) => r.title)).toEqual(["Added since the last sync"]);
    sim.current.state.resetCallCounts();
    const incremental = await sync(["incidents"]);
    expect(incremental.status).toBe("succeeded");
    expect([incremental.rowsInserted, incremental.rowsUpdated, incremental.rowsDeleted]).toEqual([1, 2, 1]);
    // The open records (the new one is open) and the two changed ones: nothing else.
    expect(sim.current.state.callCount("ssm-incidents", "ListTimelineEvents")).toBe(open + 2);
    expect(sim.current.state.callCount("ssm-incidents", "ListRelatedItems")).toBe(open + 2);

    const full = await workspaceWithDemoOrganization(sim.current, "Incident Manager, full read");
    const run = await startSync({
      workspaceId: full.workspace.id,
      actor: { userId: full.owner.id },
      trigger: "manual",
      sources: ["incidents"],
    });
    expect((await waitForRun(full.workspace.id, run.id, 120_000)).status).toBe("succeeded");
    const fullRows = await storedRecords(full.workspace.id);
    expect(fullRows.find((r) => r.externalKey === resolved[1]!.arn)!.timeline).toContainEqual({
      at: later.toISOString(),
      type: "Note",
      text: "Note",
    });
    expect(fullRows).toHaveLength(everyListed.length);
    expect(await storedRecords(ws.workspace.id)).toEqual(fullRows);

    // An open record's timeline grows while its listing stays the same: it is read on every sync.
    sim.current.state.resetCallCounts();
    const again = await sync(["incidents"]);
    expect([again.rowsInserted, again.rowsUpdated, again.rowsDeleted]).toEqual([0, 0, 0]);
    expect(sim.current.state.callCount("ssm-incidents", "ListTimelineEvents")).toBe(open);
  });
});
