import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";

// A payer's cost syncs, oldest first, with the Cost Explorer requests each made.
async function costSyncs(workspaceId: string, requests: number[]) {
  const account = await db.awsAccount.create({
    data: { workspaceId, kind: "organization", externalId: "x".repeat(40), accountId: "210987654321" },
  });
  const start = Date.UTC(2026, 10, 1);
  for (const [i, ceRequests] of requests.entries()) {
    const finishedAt = new Date(start + i * 86_400_000);
    await db.syncRun.create({
      data: {
        workspaceId,
        trigger: "schedule",
        status: "succeeded",
        finishedAt,
        tasks: {
          create: {
            workspaceId,
            awsAccountRef: account.id,
            accountId: "210987654321",
            source: "cost",
            status: "succeeded",
            finishedAt,
            ceRequests,
          },
        },
      },
    });
  }
}

describe("the sync schedule and what it costs in Cost Explorer", () => {
  it("estimates a month of scheduled syncs from the re-syncs' real requests, not the first sync's", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Schedule owner");
    expect((await caller.sync.schedule({ workspace: slug })).costExplorer).toBeNull();
    // The first sync read 13 months (115 requests); the re-syncs after it made 20, 27, 22 and 19.
    await costSyncs(workspace.id, [115, 20, 27, 22, 19]);
    expect(await caller.sync.schedule({ workspace: slug })).toEqual({
      syncEveryHours: 24,
      costExplorer: { requestsPerSync: 22, basedOnSyncs: 4, syncsPerMonth: 30, requestsPerMonth: 660, usdPerMonth: "6.60" },
    });
    await caller.sync.setSchedule({ workspace: slug, syncEveryHours: 12 });
    expect((await caller.sync.schedule({ workspace: slug })).costExplorer).toMatchObject({
      syncsPerMonth: 60,
      usdPerMonth: "13.20",
    });
    await caller.sync.setSchedule({ workspace: slug, syncEveryHours: null });
    expect((await caller.sync.schedule({ workspace: slug })).costExplorer).toMatchObject({ usdPerMonth: "0.00" });
    const audit = await db.auditLog.findMany({ where: { workspaceId: workspace.id, action: "sync.schedule_changed" } });
    expect(audit).toHaveLength(2);
  });

  it("lets only admins change it; another workspace gets NOT_FOUND", async () => {
    const owner = await workspaceWithOwner("Schedule guard");
    const viewer = await addMember(owner.caller, owner.slug, "viewer");
    const admin = await addMember(owner.caller, owner.slug, "admin");
    const stranger = await workspaceWithOwner("Schedule stranger");
    expect((await viewer.caller.sync.schedule({ workspace: owner.slug })).syncEveryHours).toBe(24);
    await expect(viewer.caller.sync.setSchedule({ workspace: owner.slug, syncEveryHours: 6 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(stranger.caller.sync.setSchedule({ workspace: owner.slug, syncEveryHours: 6 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(stranger.caller.sync.schedule({ workspace: owner.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await admin.caller.sync.setSchedule({ workspace: owner.slug, syncEveryHours: 48 });
    expect((await owner.caller.sync.schedule({ workspace: owner.slug })).syncEveryHours).toBe(48);
    expect((await stranger.caller.sync.schedule({ workspace: stranger.slug })).syncEveryHours).toBe(24);
  });
});
