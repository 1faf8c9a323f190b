import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { evaluateWorkspace } from "../evaluate";
import type { MaturityEvidence } from "../evidence";
import { nextSteps } from "../next-steps";
import { daysAgo, NOW, organizationEvidence, PROD_ACCOUNT, STAGING_ACCOUNT } from "../test-evidence";
import { accountView } from "../views/account";
import { overview } from "../views/overview";
import { utcDay } from "../views/evaluations";
import { practiceView } from "../views/practice";
import { writeSnapshot, writeSnapshotInParts } from "./write-snapshot";

// Stored snapshots must say what a live evaluation says, and history must come from the store.

const DAY_MS = 86_400_000;
const later = new Date(NOW.getTime() + 2 * DAY_MS);

async function store(workspaceId: string, evidence: MaturityEvidence, now: Date) {
  const evaluation = evaluateWorkspace(evidence, { now, scope: { all: true } });
  await writeSnapshot(evaluation, { workspaceId, trigger: "manual", durationMs: 1 });
  return evaluation;
}

function withPortalAttested(evidence: MaturityEvidence): MaturityEvidence {
  return {
    ...evidence,
    attestations: [
      {
        id: "att-portal",
        checkId: "developer-portal",
        scope: { kind: "organization" },
        author: "Ada",
        evidenceUrl: "https://backstage.example.test",
        note: "Catalogue of all services",
        createdAt: new Date(later.getTime() - 3_600_000),
        expiresAt: new Date(later.getTime() + 90 * DAY_MS),
      },
    ],
  };
}

describe("maturity history", () => {
  it("reads the same ladder from the store as a live evaluation gives, for the default and other scopes", async () => {
    const { workspace } = await workspaceWithOwner("Ladder");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, NOW);

    for (const scope of [undefined, { environments: ["staging" as const] }, { ouPaths: ["/Workloads"] }]) {
      const live = evaluateWorkspace(evidence, { now: NOW, scope });
      const stored = await overview(workspace.id, { scope, now: NOW });
      expect(stored.accountsInScope).toBe(live.accounts.length);
      expect(stored.stage).toBe(live.stage);
      expect(stored.practices.map((p) => [p.id, p.level, p.accountsCounted])).toEqual(
        live.practiceLevels.map((p) => [p.practiceId, p.level, p.accountsCounted]),
      );
      expect(stored.nextSteps).toEqual(nextSteps(live));
    }
    expect((await overview(workspace.id, { now: NOW })).filters.ouPaths).toEqual([
      "/Workloads",
      "/Workloads/Prod",
      "/Workloads/Staging",
    ]);
  });

  it("keeps a trend and tells what changed since a date, from stored changes", async () => {
    const { workspace } = await workspaceWithOwner("History");
    const before = organizationEvidence();
    await store(workspace.id, before, NOW);
    const after = await store(workspace.id, withPortalAttested(before), later);

    const view = await overview(workspace.id, {
      now: later,
      since: utcDay(daysAgo(-1)),
      scope: { environments: ["prod", "staging"] },
    });
    expect(view.trend.points.map((p) => p.evaluatedAt)).toEqual([NOW, later]);
    expect(view.trend.points[0]!.levels["platform-engineering"]).toBe(0);
    expect(view.trend.points[1]!.levels["platform-engineering"]).toBe(
      after.practiceLevels.find((p) => p.practiceId === "platform-engineering")!.level,
    );
    expect(view.changes?.baseline?.evaluatedAt).toEqual(NOW);
    expect(view.changes?.baseline?.levels["platform-engineering"]).toBe(0);
    expect(view.changes?.checks).toEqual([
      {
        checkId: "developer-portal",
        title: "An internal developer portal lists the services",
        practiceId: "platform-engineering",
        from: "no_data",
        fromWaived: false,
        to: "pass",
        toWaived: false,
        causes: ["attestation"],
        accountIds: expect.arrayContaining([PROD_ACCOUNT, STAGING_ACCOUNT]),
      },
    ]);

    // An unchanged result keeps the time its status began; a changed one starts again.
    const results = await db.maturityResult.findMany({
      where: { workspaceId: workspace.id, accountId: PROD_ACCOUNT, checkId: { in: ["developer-portal", "org-trail-enabled"] } },
    });
    const portal = results.find((r) => r.checkId === "developer-portal");
    expect(portal?.since).toEqual(later);
    expect(portal?.evidenceIds).toEqual(["att-portal"]);
    expect(await db.maturitySnapshot.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("rewrites only the results that changed, and records no change when nothing did", async () => {
    const { workspace } = await workspaceWithOwner("Steady");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, NOW);
    const first = await db.maturityResult.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ accountId: "asc" }, { checkId: "asc" }],
    });
    await store(workspace.id, evidence, new Date(NOW.getTime() + 60_000));
    const second = await db.maturityResult.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ accountId: "asc" }, { checkId: "asc" }],
    });
    expect(second).toEqual(first);
    expect(await db.maturityChange.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.maturityAccountLevel.count({ where: { workspaceId: workspace.id } })).toBe(2 * evidence.accounts.length);

    // One account leaves: its results go, and each is recorded as a change to nothing.
    const { accounts } = evidence;
    await store(workspace.id, { ...evidence, accounts: accounts.filter((a) => a.accountId !== STAGING_ACCOUNT) }, later);
    expect(await db.maturityResult.count({ where: { workspaceId: workspace.id, accountId: STAGING_ACCOUNT } })).toBe(0);
    const left = await db.maturityChange.findMany({ where: { workspaceId: workspace.id } });
    expect(left.length).toBe(first.filter((r) => r.accountId === STAGING_ACCOUNT).length);
    expect(left.every((c) => c.accountId === STAGING_ACCOUNT && c.toStatus === null)).toBe(true);
  });

  it("stores nothing of an evaluation that fails after some of its parts were written", async () => {
    const { workspace } = await workspaceWithOwner("Halfway");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, NOW);
    const stored = () =>
      Promise.all([
        db.maturityResult.findMany({
          where: { workspace: { id: workspace.id } },
          orderBy: [{ accountId: "asc" }, { checkId: "asc" }],
        }),
        db.maturitySnapshot.count({ where: { workspaceId: workspace.id } }),
        db.maturityAccountLevel.count({ where: { workspaceId: workspace.id } }),
        db.maturityChange.count({ where: { workspaceId: workspace.id } }),
      ]);
    const before = await stored();

    const changed = evaluateWorkspace(withPortalAttested(evidence), { now: later, scope: { all: true } });
    async function* failing() {
      const first = (r: { accountId: string }) => r.accountId === PROD_ACCOUNT;
      yield {
        accounts: changed.accounts.filter(first),
        results: changed.results.filter(first),
        accountLevels: changed.accountLevels.filter(first),
      };
      throw new Error("the second batch could not be loaded");
    }
    await expect(
      writeSnapshotInParts(later, failing(), { workspaceId: workspace.id, trigger: "manual", durationMs: () => 1 }),
    ).rejects.toThrow("the second batch could not be loaded");
    expect(await stored()).toEqual(before);
  });

  it("gives practice and account drill-downs from the newest snapshot, and nothing to another workspace", async () => {
    const { workspace } = await workspaceWithOwner("Drill");
    const evaluation = await store(workspace.id, withPortalAttested(organizationEvidence()), later);

    const practice = await practiceView(workspace.id, "platform-engineering", { environments: ["prod"] });
    const portal = practice.checks.find((c) => c.id === "developer-portal");
    expect(portal?.counts.pass).toBe(1);
    expect(portal?.results).toEqual([expect.objectContaining({ accountId: PROD_ACCOUNT, status: "pass", evidenceCount: 1 })]);

    const account = await accountView(workspace.id, STAGING_ACCOUNT);
    const live = evaluation.accountLevels.filter((l) => l.accountId === STAGING_ACCOUNT);
    expect(account.practices.map((p) => [p.id, p.level])).toEqual(live.map((l) => [l.practiceId, l.level]));
    expect(account.practices.map((p) => [p.id, p.blockingCheckIds.sort()])).toEqual(
      live.map((l) => [l.practiceId, [...l.blockingCheckIds].sort()]),
    );

    const { workspace: other } = await workspaceWithOwner("Other");
    expect((await overview(other.id)).evaluatedAt).toBeNull();
    await expect(accountView(other.id, STAGING_ACCOUNT)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
