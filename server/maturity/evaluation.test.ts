import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { dueForEvaluation, evaluateAndStore } from "./evaluation.service";

// The daily evaluation: a workspace with connected accounts is due when its newest snapshot is a
// day old (or missing), so stale evidence drops levels even without a sync. (Only this file's
// workspaces are evaluated here: other test files share the database.)

async function workspaceWithAccount(name: string, status: "connected" | "pending") {
  const ws = await workspaceWithOwner(name);
  await db.awsAccount.create({
    data: { workspaceId: ws.workspace.id, kind: "account", externalId: "d".repeat(40), accountId: "123123123123", status },
  });
  return ws.workspace.id;
}

describe("daily evaluation", () => {
  it("is due for workspaces with connected accounts whose snapshot is missing or a day old", async () => {
    const now = new Date();
    const due = await workspaceWithAccount("Due", "connected");
    const pending = await workspaceWithAccount("Pending", "pending");
    expect(await dueForEvaluation(now)).toContain(due);
    expect(await dueForEvaluation(now)).not.toContain(pending);

    await evaluateAndStore(due, { trigger: "daily", now });
    expect(await db.maturitySnapshot.findFirstOrThrow({ where: { workspaceId: due } })).toMatchObject({
      trigger: "daily",
      accounts: 1,
    });
    expect(await dueForEvaluation(new Date(now.getTime() + 3_600_000))).not.toContain(due);
    expect(await dueForEvaluation(new Date(now.getTime() + 25 * 3_600_000))).toContain(due);
  });

  it("waits while a sync of the workspace is under way, unless that run is a day old", async () => {
    const now = new Date();
    const syncing = await workspaceWithAccount("Syncing", "connected");
    const run = await db.syncRun.create({
      data: { workspaceId: syncing, trigger: "manual", status: "running", createdAt: now, startedAt: now },
    });
    expect(await dueForEvaluation(now)).not.toContain(syncing);
    expect(await dueForEvaluation(new Date(now.getTime() + 25 * 3_600_000))).toContain(syncing);

    await db.syncRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: now } });
    expect(await dueForEvaluation(now)).toContain(syncing);
  });
});
