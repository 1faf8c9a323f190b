import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerFor, callerWithSession, createTestUser, uniqueSuffix, workspaceWithOwner } from "~/server/test/fixtures";
import { createSession } from "~/server/users/users.service";

describe("workspaces", () => {
  it("creates a workspace with its creator as owner and lists it", async () => {
    const { caller, workspace, owner } = await workspaceWithOwner("Ada");
    const list = await caller.workspaces.list();
    expect(list).toEqual([expect.objectContaining({ slug: workspace.slug, role: "owner" })]);
    const audit = await db.auditLog.findMany({
      where: { workspaceId: workspace.id },
      select: { action: true, actorUserId: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["member.added", "workspace.created"]);
    expect(audit.every((a) => a.actorUserId === owner.id)).toBe(true);
  });

  it("refuses a duplicate slug with a clear message and changes nothing", async () => {
    const { workspace } = await workspaceWithOwner("First");
    const other = await callerFor(await createTestUser("Second"));
    const before = await db.workspace.count();
    await expect(other.workspaces.create({ name: "Copy", slug: workspace.slug })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `The address “${workspace.slug}” is already taken; choose another.`,
    });
    expect(await db.workspace.count()).toBe(before);
    expect(await other.workspaces.list()).toEqual([]);
  });

  it("rejects an invalid slug before touching the database", async () => {
    const caller = await callerFor(await createTestUser("Slug"));
    await expect(caller.workspaces.create({ name: "Bad", slug: "Not OK!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("hides other workspaces behind NOT_FOUND", async () => {
    const a = await workspaceWithOwner("A");
    const b = await workspaceWithOwner("B");
    await expect(a.caller.workspaces.current({ workspace: b.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.workspaces.current({ workspace: `missing-${uniqueSuffix()}` })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a signed-out caller and an expired session, changing nothing", async () => {
    const anonymous = await callerFor(null);
    await expect(anonymous.workspaces.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const user = await createTestUser("Expired");
    const session = await createSession({ userId: user.id });
    await db.session.update({ where: { sessionToken: session.sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
    const stale = await callerWithSession(session.sessionToken);
    await expect(stale.workspaces.create({ name: "Late", slug: `late-${uniqueSuffix()}` })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Your session has ended. Sign in again.",
    });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });
});
