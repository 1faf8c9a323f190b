import { expect, it } from "vitest";
import { db, withConnection } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { copyRows } from "./bulk-insert";

it("copies rows whose text, arrays and JSON hold COPY's and arrays' special characters, and takes part in the caller's transaction", async () => {
  const { workspace } = await workspaceWithOwner("Copy rows");
  const row = (checkId: string) => ({
    workspaceId: workspace.id,
    accountId: "111122223333",
    checkId,
    practiceId: "multi-account",
    level: 2,
    status: "fail",
    reason: 'Tab\there, a line\nbreak, a \\ backslash, "quotes", {braces}, ünïcode and \r a return.',
    evidenceIds: ["a,b", 'c"d', "e\\f", "{g}", "h i", "NULL"],
    decisive: { "row\t1": { path: "C:\\temp\n", count: 3, ok: false, none: null } },
    waiverId: null,
    countsAsPass: false,
    blocking: true,
    since: new Date("2026-05-15T10:11:12.345Z"),
    snapshotId: "snapshot",
    digest: "digest",
  });
  const rows = [row("first"), row("second")];
  await withConnection(async (client) => {
    await client.query("BEGIN");
    expect(await copyRows(client, "MaturityResult", rows, 1)).toBe(2);
    await client.query("ROLLBACK");
  });
  expect(await db.maturityResult.count({ where: { workspaceId: workspace.id } })).toBe(0);

  await withConnection((client) => copyRows(client, "MaturityResult", rows, 1));
  const stored = await db.maturityResult.findMany({ where: { workspaceId: workspace.id }, orderBy: { checkId: "asc" } });
  expect(stored).toEqual([row("first"), row("second")]);
});
