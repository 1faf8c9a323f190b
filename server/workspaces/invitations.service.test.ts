import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createTestUser, uniqueSuffix, workspaceWithOwner } from "~/server/test/fixtures";
import { registerInvitedUser } from "~/server/users/users.service";
import { acceptInvitation, inviteMember } from "./invitations.service";

async function invite(email: string) {
  const { workspace, owner } = await workspaceWithOwner("Host");
  const invitation = await inviteMember({
    workspaceId: workspace.id,
    actor: { userId: owner.id },
    actorRole: "owner",
    email,
    role: "editor",
  });
  return { workspace, invitation };
}

describe("invitations", () => {
  it("refuses someone else's invitation without naming the address it was sent to", async () => {
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const { workspace, invitation } = await invite(email);
    const stranger = await createTestUser("Stranger");
    const refusal = {
      code: "FORBIDDEN",
      message: "This invitation is for another email address. Sign in with the address it was sent to.",
    };

    for (const link of [{ token: invitation.token }, { invitationId: invitation.id }]) {
      const error: unknown = await acceptInvitation({ userId: stranger.id, email: stranger.email, ...link }).catch((e) => e);
      expect(error).toMatchObject(refusal);
      expect((error as Error).message).not.toContain(email);
      expect((error as Error).message).not.toContain("invitee");
    }
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: stranger.id } })).toBe(0);
  });

  it("creates no user and no membership from an expired link", async () => {
    const email = `late-${uniqueSuffix()}@example.test`;
    const { workspace, invitation } = await invite(email);
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    await expect(
      registerInvitedUser({ token: invitation.token, name: "Late", password: "correct horse battery staple" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This invitation has expired. Ask an admin of the workspace for a new one.",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await db.invitation.findUnique({ where: { id: invitation.id }, select: { acceptedAt: true } })).toEqual({
      acceptedAt: null,
    });
  });

  it("registers the invited user from a link that is still valid", async () => {
    const email = `fresh-${uniqueSuffix()}@example.test`;
    const { workspace, invitation } = await invite(email);
    const { user, workspace: slug } = await registerInvitedUser({
      token: invitation.token,
      name: "Fresh",
      password: "correct horse battery staple",
    });
    expect(user.email).toBe(email);
    expect(slug).toBe(workspace.slug);
    expect(
      await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
        select: { role: true },
      }),
    ).toEqual({ role: "editor" });
  });
});
