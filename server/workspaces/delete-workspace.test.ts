import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { addMember, callerFor, createTestUser, workspaceWithOwner } from "~/server/test/fixtures";
import { isWorkspaceScoped, readTables, rowExists, seedEveryTable } from "~/server/test/workspace-rows";

// Deleting a workspace removes everything stored for it and nothing of any other; only its
// owners can do it, and only after typing its address.

// Tables that belong to no workspace. A new table must either reach a workspace or be named
// here, so that deciding what a workspace's deletion removes is never skipped.
// InstancePrice holds AWS list prices, public facts shared by every workspace.
const GLOBAL_TABLES = ["Account", "InstancePrice", "RateLimitBucket", "Session", "User", "VerificationToken"];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("deleting a workspace", () => {
  it("removes a row from every workspace-scoped table of the schema and leaves another workspace's rows", async () => {
    const tables = await readTables();
    const unscoped = [...tables.keys()].filter((name) => !isWorkspaceScoped(tables, name)).sort();
    expect(unscoped, "a table reaches no workspace: link it to one, or list it as global here").toEqual(GLOBAL_TABLES);

    const doomed = await workspaceWithOwner("Doomed");
    const kept = await workspaceWithOwner("Kept");
    const doomedRows = await seedEveryTable(tables, doomed.workspace.id);
    const keptRows = await seedEveryTable(tables, kept.workspace.id);
    const scoped = [...tables.keys()].filter((name) => name !== "Workspace" && isWorkspaceScoped(tables, name));
    // The staged upload parts, the cost tables without keys and the per-snapshot levels are among them.
    expect(scoped).toEqual(
      expect.arrayContaining(["UploadIntake", "UploadChunk", "CostDaily", "MaturityAccountLevel", "SyncTask", "AuditLog"]),
    );
    expect(new Set(doomedRows.map((r) => r.table))).toEqual(new Set([...scoped, "User"]));
    for (const row of doomedRows) expect(await rowExists(tables, row), `${row.table} seeded`).toBe(true);

    const withWorkspaceId = scoped.filter((name) => tables.get(name)!.columns.some((c) => c.name === "workspaceId"));
    const countFor = async (workspaceId: string) =>
      Object.fromEntries(
        await Promise.all(
          withWorkspaceId.map(async (name) => {
            const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
              `SELECT count(*) AS n FROM "${name}" WHERE "workspaceId" = $1`,
              workspaceId,
            );
            return [name, Number(row!.n)];
          }),
        ),
      );
    const keptBefore = await countFor(kept.workspace.id);

    const result = await doomed.caller.workspaces.delete({ workspace: doomed.slug, confirmSlug: doomed.slug });
    expect(result).toEqual({ deleted: { name: "Doomed's workspace", slug: doomed.slug }, nextWorkspace: null });

    for (const row of doomedRows) {
      // Users are people, not workspace data: the seeded member keeps their account.
      expect(await rowExists(tables, row), `${row.table} after deletion`).toBe(row.table === "User");
    }
    expect(Object.values(await countFor(doomed.workspace.id)).every((n) => n === 0)).toBe(true);
    expect(await db.workspace.count({ where: { id: doomed.workspace.id } })).toBe(0);
    for (const row of keptRows) expect(await rowExists(tables, row), `${row.table} of the other workspace`).toBe(true);
    expect(await countFor(kept.workspace.id)).toEqual(keptBefore);
    expect(await db.user.count({ where: { id: doomed.owner.id } })).toBe(1);
  });

  it("is for owners who type the address; the deletion goes to the server log and they land in their next workspace", async () => {
    const { caller: owner, owner: ownerUser, slug, workspace } = await workspaceWithOwner("Owner");
    const { caller: admin } = await addMember(owner, slug, "admin", "Ada");
    const { caller: editor } = await addMember(owner, slug, "editor", "Eddie");
    const { caller: stranger, slug: strangerSlug } = await workspaceWithOwner("Stranger");
    const other = await owner.workspaces.create({ name: "Another", slug: `${slug}-2` });

    await expect(admin.workspaces.delete({ workspace: slug, confirmSlug: slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editor.workspaces.delete({ workspace: slug, confirmSlug: slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stranger.workspaces.delete({ workspace: slug, confirmSlug: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An owner of another workspace who names this one's address confirms nothing of it.
    await expect(stranger.workspaces.delete({ workspace: strangerSlug, confirmSlug: slug })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Type ${strangerSlug} to confirm the deletion.`,
    });
    await expect(owner.workspaces.delete({ workspace: slug, confirmSlug: "Owner's workspace" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Type ${slug} to confirm the deletion.`,
    });
    expect(await db.workspace.count({ where: { slug: { in: [slug, strangerSlug] } } })).toBe(2);
    expect(await db.membership.count({ where: { workspaceId: workspace.id } })).toBe(3);

    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    expect(await owner.workspaces.delete({ workspace: slug, confirmSlug: slug })).toEqual({
      deleted: { name: "Owner's workspace", slug },
      nextWorkspace: other.slug,
    });
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes("workspace.deleted"));
    expect(line).toBeDefined();
    expect(JSON.parse(line!.replace(/^ladder: audit /, ""))).toMatchObject({
      action: "workspace.deleted",
      actor: { userId: ownerUser.id, email: ownerUser.email },
      workspace: { id: workspace.id, name: "Owner's workspace", slug },
      deleted: { members: 3 },
    });
    await expect(admin.workspaces.current({ workspace: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await admin.workspaces.list()).toEqual([]);
    expect((await owner.workspaces.list()).map((w) => w.slug)).toEqual([other.slug]);
  });

  it("lets admins rename a workspace, audited, but not editors or other workspaces", async () => {
    const { caller: owner, slug, workspace } = await workspaceWithOwner("Namer");
    const { caller: admin } = await addMember(owner, slug, "admin", "Ada");
    const { caller: editor } = await addMember(owner, slug, "editor", "Eddie");
    const stranger = await callerFor(await createTestUser("Stranger"));

    await expect(editor.workspaces.rename({ workspace: slug, name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stranger.workspaces.rename({ workspace: slug, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.workspaces.rename({ workspace: slug, name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.workspaces.rename({ workspace: slug, name: "Platform team" })).toEqual({
      id: workspace.id,
      name: "Platform team",
      slug,
    });
    expect((await owner.workspaces.current({ workspace: slug })).name).toBe("Platform team");
    const [entry] = (await owner.audit.list({ workspace: slug })).entries.filter((e) => e.action === "workspace.renamed");
    expect(entry?.data).toMatchObject({ from: "Namer's workspace", to: "Platform team" });
  });
});
