import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addMember, callerFor, createTestUser, workspaceWithOwner } from "~/server/test/fixtures";

describe("members and invitations", () => {
  it("invites by email, accepts, changes the role, removes, and audits each step", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Owner");
    const { user } = await addMember(caller, slug, "viewer", "Vera");
    let list = await caller.members.list({ workspace: slug });
    expect(list.members.find((m) => m.id === user.id)?.role).toBe("viewer");
    expect(list.invitations).toEqual([]);

    await caller.members.changeRole({ workspace: slug, userId: user.id, role: "editor" });
    list = await caller.members.list({ workspace: slug });
    expect(list.members.find((m) => m.id === user.id)?.role).toBe("editor");

    await caller.members.remove({ workspace: slug, userId: user.id });
    list = await caller.members.list({ workspace: slug });
    expect(list.members.map((m) => m.id)).not.toContain(user.id);

    const actions = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.added", "member.role_changed", "member.removed"]));
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id } })).toBe(actions.length);
  });

  it("rejects an invalid email and an unknown role, storing nothing", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Strict");
    await expect(caller.members.invite({ workspace: slug, email: "not-an-email", role: "viewer" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter a valid email address, like name@example.com.",
    });
    await expect(
      caller.members.invite({ workspace: slug, email: "ok@example.test", role: "superuser" as "viewer" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose one of the roles: owner, admin, editor or viewer." });
    expect(await db.invitation.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("keeps at least one owner and lets only owners grant ownership", async () => {
    const { caller, slug, owner } = await workspaceWithOwner("Solo");
    await expect(caller.members.changeRole({ workspace: slug, userId: owner.id, role: "admin" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const admin = await addMember(caller, slug, "admin", "Adam");
    await expect(
      admin.caller.members.invite({ workspace: slug, email: "boss@example.test", role: "owner" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(admin.caller.members.remove({ workspace: slug, userId: owner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets viewers read members but not invite or change roles", async () => {
    const { caller, slug, owner } = await workspaceWithOwner("Reader");
    const viewer = await addMember(caller, slug, "viewer");
    await expect(viewer.caller.members.list({ workspace: slug })).resolves.toBeDefined();
    await expect(
      viewer.caller.members.invite({ workspace: slug, email: "x@example.test", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(viewer.caller.members.changeRole({ workspace: slug, userId: owner.id, role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(viewer.caller.audit.list({ workspace: slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("only accepts an invitation for the invited address", async () => {
    const { caller, slug } = await workspaceWithOwner("Host");
    const invitation = await caller.members.invite({ workspace: slug, email: "right@example.test", role: "editor" });
    const stranger = await callerFor(await createTestUser("Wrong"));
    await expect(stranger.workspaces.acceptInvitation({ token: invitation.token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stranger.workspaces.list()).toEqual([]);
  });

  it("returns NOT_FOUND for another workspace's members, tokens and audit log", async () => {
    const a = await workspaceWithOwner("Alpha");
    const b = await workspaceWithOwner("Beta");
    const other = { workspace: b.slug };
    await expect(a.caller.members.list(other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.tokens.list(other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.audit.list(other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.members.invite({ ...other, email: "x@example.test", role: "viewer" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(a.caller.tokens.create({ ...other, name: "steal", role: "admin", expiresInDays: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(a.caller.members.remove({ ...other, userId: b.owner.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await b.caller.members.list(other)).members).toHaveLength(1);
  });
});
