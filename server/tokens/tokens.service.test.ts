import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";
import { authenticateApiToken, hashApiToken } from "./tokens.service";

describe("API tokens", () => {
  it("shows the token once, stores only its hash, and records last use", async () => {
    const { caller, slug } = await workspaceWithOwner("Tok");
    const created = await caller.tokens.create({ workspace: slug, name: "GitHub Actions", role: "editor", expiresInDays: null });
    expect(created.token).toMatch(/^ldr_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(JSON.stringify(await caller.tokens.list({ workspace: slug }))).not.toContain(created.token);

    const principal = await authenticateApiToken(`Bearer ${created.token}`);
    expect(principal).toMatchObject({ role: "editor", workspace: { slug } });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses a revoked token with a clear message and audits the revocation", async () => {
    const { caller, slug } = await workspaceWithOwner("Rev");
    const created = await caller.tokens.create({ workspace: slug, name: "old", role: "viewer", expiresInDays: 30 });
    await caller.tokens.revoke({ workspace: slug, tokenId: created.id });
    await expect(authenticateApiToken(`Bearer ${created.token}`)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: `This API token (${created.prefix}…) was revoked; create a new one.`,
    });
    const actions = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["token.created", "token.revoked"]));
  });

  it("refuses unknown, missing and expired tokens", async () => {
    await expect(authenticateApiToken(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(authenticateApiToken("Bearer ldr_nope")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const { caller, slug } = await workspaceWithOwner("Exp");
    const created = await caller.tokens.create({ workspace: slug, name: "short", role: "viewer", expiresInDays: 1 });
    await db.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(authenticateApiToken(`Bearer ${created.token}`)).rejects.toMatchObject({
      message: expect.stringContaining("expired"),
    });
  });

  it("keeps viewers and editors from creating tokens, and admins from minting owners", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Perm");
    const viewer = await addMember(caller, slug, "viewer");
    const editor = await addMember(caller, slug, "editor");
    for (const member of [viewer, editor]) {
      await expect(
        member.caller.tokens.create({ workspace: slug, name: "x", role: "viewer", expiresInDays: null }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(caller.tokens.create({ workspace: slug, name: "x", role: "owner", expiresInDays: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.apiToken.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
