import { beforeEach, describe, expect, it } from "vitest";
import type { AwsAccountStatus, TaskStatus } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { lastFullMonth } from "../rules/finops";
import { loadSyncedEvidence } from ".";

// The loader's own decisions, on rows written directly: which accounts count, which syncs gate,
// how old a row is, which windows it reads, and whose cost figures an account carries.

const DAY_MS = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
let workspaceId: string;
let counter = 0;

beforeEach(async () => {
  workspaceId = (await workspaceWithOwner("Loader")).workspace.id;
});

async function account(status: AwsAccountStatus, extra: { kind?: "account" | "organization"; organizationRefId?: string } = {}) {
  const accountId = String(300_000_000_000 + ++counter);
  return db.awsAccount.create({
    data: { workspaceId, kind: "account", accountId, name: `account-${counter}`, externalId: "external", status, ...extra },
  });
}

async function run(finishedDaysAgo: number) {
  const at = daysAgo(finishedDaysAgo);
  return db.syncRun.create({ data: { workspaceId, trigger: "manual", status: "succeeded", startedAt: at, finishedAt: at } });
}

async function task(
  ref: { id: string; accountId: string | null },
  runId: string,
  source: string,
  status: TaskStatus,
  finishedAt: Date | null,
) {
  return db.syncTask.create({
    data: { runId, workspaceId, awsAccountRef: ref.id, accountId: ref.accountId ?? "", source, status, finishedAt },
  });
}

describe("loadSyncedEvidence", () => {
  it("counts connected accounts, and failed ones only when a sync once succeeded", async () => {
    const connected = await account("connected");
    const failedAfterSync = await account("failed");
    const failedNever = await account("failed");
    await account("pending");
    const earlier = await run(3);
    await task(failedAfterSync, earlier.id, "scans", "succeeded", earlier.finishedAt);
    await task(failedNever, earlier.id, "scans", "failed", earlier.finishedAt);

    const evidence = await loadSyncedEvidence(workspaceId, now);
    expect(evidence.accounts.map((a) => a.id).sort()).toEqual([connected.id, failedAfterSync.id].sort());
    expect(evidence.accounts.every((a) => a.parentId === null && !a.isManagement)).toBe(true);
    expect(evidence.managementAccountId).toBeNull();
  });

  it("keeps the last successful sync beside a later failure, and ignores tasks still running", async () => {
    const acct = await account("connected");
    const [older, newer] = [await run(2), await run(0)];
    const succeeded = await task(acct, older.id, "tracing", "succeeded", older.finishedAt);
    const failed = await task(acct, newer.id, "tracing", "failed", newer.finishedAt);
    await task(acct, newer.id, "scans", "running", null);

    const { sourceSyncs } = await loadSyncedEvidence(workspaceId, now);
    expect(sourceSyncs.map((s) => [s.id, s.source, s.status]).sort()).toEqual(
      [
        [succeeded.id, "tracing", "succeeded"],
        [failed.id, "tracing", "failed"],
      ].sort(),
    );
  });

  it("dates a row by the run that last saw it, and a row no run vouches for as long stale", async () => {
    const acct = await account("connected");
    const old = await run(20);
    const rule = (ruleName: string, lastSeenRunId: string | null) =>
      db.xraySamplingRule.create({
        data: {
          awsAccountRef: acct.id,
          region: "us-east-1",
          ruleName,
          priority: 1,
          fixedRate: "0.1",
          reservoirSize: 1,
          serviceName: "*",
          lastSeenRunId,
        },
      });
    const seen = await rule("api", old.id);
    const orphan = await rule("legacy", null);

    const { samplingRules } = await loadSyncedEvidence(workspaceId, now);
    expect(samplingRules.find((r) => r.id === seen.id)).toMatchObject({ observedAt: old.finishedAt, fixedRate: 0.1 });
    expect(samplingRules.find((r) => r.id === orphan.id)?.observedAt).toEqual(new Date(0));
  });

  it("reads 90 days of deployments and incidents, and uploads of the window plus the newest older one per kind", async () => {
    const acct = await account("connected");
    const deployment = (id: string, age: number) =>
      db.deployment.create({
        data: {
          awsAccountRef: acct.id,
          region: "us-east-1",
          deploymentId: id,
          applicationName: "api",
          groupName: "api",
          status: "Succeeded",
          createdAtAws: daysAgo(age),
        },
      });
    const recent = await deployment("d-recent", 10);
    await deployment("d-old", 100);
    const incident = (key: string, age: number) =>
      db.incident.create({
        data: { workspaceId, source: "upload", externalKey: key, title: key, accountId: acct.accountId, startedAt: daysAgo(age) },
      });
    const lastMonth = await incident("recent", 30);
    await incident("old", 95);
    const upload = (kind: string, age: number) =>
      db.upload.create({
        data: {
          workspaceId,
          kind,
          format: "sarif",
          tool: kind,
          sizeBytes: 1,
          branch: "main",
          summary: { failed: 2, passed: 1, bySeverity: { high: 2, low: 0 } },
          createdAt: daysAgo(age),
        },
      });
    const fresh = await upload("checkov", 5);
    await db.upload.update({ where: { id: fresh.id }, data: { softFail: true, durationSeconds: 95, defaultBranch: "trunk" } });
    const newestOld = await upload("checkov", 40);
    await upload("checkov", 60);
    const sbom = await upload("sbom", 45);
    await upload("sbom", 50);
    await upload("incidents", 1);

    const evidence = await loadSyncedEvidence(workspaceId, now);
    expect(evidence.deployments.map((d) => d.id)).toEqual([recent.id]);
    expect(evidence.incidents.map((i) => i.id)).toEqual([lastMonth.id]);
    expect(evidence.uploads.map((u) => u.id).sort()).toEqual([fresh.id, newestOld.id, sbom.id].sort());
    expect(evidence.uploads.find((u) => u.id === fresh.id)).toMatchObject({
      failed: 2,
      passed: 1,
      bySeverity: { high: 2, low: 0 },
      softFail: true,
      durationSeconds: 95,
      defaultBranch: "trunk",
    });
    // What the pipeline did not report stays unknown, not false.
    expect(Object.keys(evidence.uploads.find((u) => u.id === newestOld.id)!)).not.toContain("softFail");
  });

  it("gives each member its payer's commitments, and a standalone account its own", async () => {
    const organization = await db.awsOrganization.create({
      data: { workspaceId, organizationId: "o-loader", managementAccountId: "", memberRoleName: "Ladder" },
    });
    const management = await account("connected", { kind: "organization", organizationRefId: organization.id });
    await db.awsOrganization.update({
      where: { id: organization.id },
      data: { managementAccountId: management.accountId ?? "" },
    });
    // A member also connected on its own has cost rows of its own: the payer's still win.
    const member = await account("connected");
    const standalone = await account("connected");
    for (const a of [management, member]) {
      await db.orgMember.create({
        data: {
          organizationRefId: organization.id,
          accountId: a.accountId ?? "",
          name: "m",
          email: "m@example.test",
          status: "ACTIVE",
          parentId: "r-1",
          ouPath: "/",
        },
      });
    }
    const seen = await run(1);
    const utilisation = (ref: string, hours: number, unusedHours: number) =>
      db.commitmentDaily.createMany({
        data: Array.from({ length: 30 }, (_, i) => ({
          awsAccountRef: ref,
          day: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (i + 1) * DAY_MS),
          kind: "ri_utilization",
          accountId: "*",
          subscriptionId: "*",
          hours: String(i < 15 ? hours : 2 * hours),
          unusedHours: String(unusedHours),
          unused: "1",
          lastSeenRunId: seen.id,
        })),
      });
    await utilisation(management.id, 100, 50);
    await utilisation(member.id, 100, 0);
    await utilisation(standalone.id, 10, 1);

    const { commitments, accounts } = await loadSyncedEvidence(workspaceId, now);
    const of = (a: { accountId: string | null }) => commitments.filter((c) => c.accountId === a.accountId);
    // Weighted by the hours bought each day: 1 - 30·50 / (15·100 + 15·200) = 2/3.
    expect(of(management)).toEqual([expect.objectContaining({ kind: "ri", unusedCost: 30, observedAt: seen.finishedAt })]);
    expect(of(management)[0]?.utilisationPct).toBeCloseTo(100 * (1 - 1500 / 4500), 6);
    expect(of(member).map((c) => [c.id, c.utilisationPct])).toEqual(of(management).map((c) => [c.id, c.utilisationPct]));
    expect(of(standalone)[0]?.utilisationPct).toBeCloseTo(100 * (1 - 30 / 450), 6);
    expect(accounts.find((a) => a.id === management.id)).toMatchObject({ isManagement: true, parentId: "r-1", ouPath: "/" });
  });

  it("sums last month's compute services per account, and gives a zero to members the payer billed nothing", async () => {
    const organization = await db.awsOrganization.create({
      data: { workspaceId, organizationId: "o-compute", managementAccountId: "", memberRoleName: "Ladder" },
    });
    const management = await account("connected", { kind: "organization", organizationRefId: organization.id });
    const lambdaOnly = await account("connected");
    const silent = await account("connected");
    const standalone = await account("connected");
    for (const a of [management, lambdaOnly, silent]) {
      await db.orgMember.create({
        data: {
          organizationRefId: organization.id,
          accountId: a.accountId ?? "",
          name: "m",
          email: "m@example.test",
          status: "ACTIVE",
          parentId: "r-1",
          ouPath: "/",
        },
      });
    }
    const seen = await run(1);
    await task(management, seen.id, "cost", "succeeded", seen.finishedAt);
    const month = lastFullMonth(now);
    const line = (accountId: string | null, day: string, service: string, amortized: number) => ({
      awsAccountRef: management.id,
      day: new Date(`${day}T00:00:00Z`),
      accountId: accountId ?? "",
      service,
      unblended: String(amortized),
      amortized: String(amortized),
      currency: "USD",
      estimated: false,
      lastSeenRunId: seen.id,
    });
    const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10)).toISOString().slice(0, 10);
    await db.costDaily.createMany({
      data: [
        line(management.accountId, `${month}-03`, "Amazon Elastic Compute Cloud - Compute", 40),
        line(management.accountId, `${month}-04`, "Amazon Elastic Container Service for Kubernetes", 2.5),
        line(lambdaOnly.accountId, `${month}-03`, "AWS Lambda", 1.25),
        line(lambdaOnly.accountId, `${month}-20`, "AWS Lambda", 0.5),
        line(lambdaOnly.accountId, `${month}-20`, "EC2 - Other", 9),
        line(lambdaOnly.accountId, `${month}-20`, "Amazon Simple Storage Service", 30),
        line(lambdaOnly.accountId, before, "Amazon Elastic Compute Cloud - Compute", 500),
      ],
    });

    const { computeSpends } = await loadSyncedEvidence(workspaceId, now);
    const id = (a: { accountId: string | null }) => `compute-month:${management.id}:${a.accountId}:${month}`;
    expect(computeSpends.map((s) => [s.id, s.month, s.computeCost]).sort()).toEqual(
      [
        [id(management), month, 42.5],
        [id(lambdaOnly), month, 1.75],
        [id(silent), month, 0],
      ].sort(),
    );
    expect(computeSpends.every((s) => s.observedAt.getTime() === seen.finishedAt?.getTime())).toBe(true);
    expect(computeSpends.some((s) => s.accountId === standalone.accountId)).toBe(false);
  });
});
