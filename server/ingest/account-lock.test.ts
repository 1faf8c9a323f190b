import { describe, expect, it } from "vitest";
import { db, withConnection } from "~/server/db";
import { shapeOf } from "~/server/db/table-shape";
import { inAccountTransaction } from "./account-lock";
import { costKey, costRow, testAccount } from "./bulk-write-fixtures";
import { copyInsert } from "./copy-insert";
import { upsertRows } from "./upsert";

// The daily cost tables have no foreign key to AwsAccount; the writers and a trigger do its work.
const costs = (ref: string) => [costRow(ref, "2026-01-01", "EC2", "1.5"), costRow(ref, "2026-01-02", "EC2", "2.5")];
const stored = (ref: string) => db.costDaily.count({ where: { awsAccountRef: ref } });

describe("cost rows without a foreign key", () => {
  it("go with their account, and with its workspace", async () => {
    const kept = await testAccount("Kept");
    const removed = await testAccount("Removed");
    const viaWorkspace = await testAccount("Workspace removed");
    for (const account of [kept, removed, viaWorkspace]) await copyInsert("CostDaily", costs(account.id), "run-1");

    await db.awsAccount.delete({ where: { id: removed.id } });
    await db.workspace.delete({ where: { id: viaWorkspace.workspaceId } });

    expect([await stored(kept.id), await stored(removed.id), await stored(viaWorkspace.id)]).toEqual([2, 0, 0]);
  });

  it("are refused, and nothing is written, for an account that no longer exists", async () => {
    const account = await testAccount("Gone");
    await db.awsAccount.delete({ where: { id: account.id } });

    await expect(copyInsert("CostDaily", costs(account.id), "run-1")).rejects.toThrow(/was removed from the workspace/);
    await expect(upsertRows("CostDaily", costKey, costs(account.id), "run-1")).rejects.toThrow(/was removed/);
    expect(await stored(account.id)).toBe(0);
  });

  it("hold off the account's deletion until the batch that writes them commits", async () => {
    const account = await testAccount("Deleted meanwhile");
    const rows = costs(account.id);
    const shape = await shapeOf("CostDaily");
    let deletion: Promise<string> | undefined;
    const during = await withConnection((client) =>
      inAccountTransaction(client, shape, rows, async () => {
        deletion = db.awsAccount.delete({ where: { id: account.id } }).then(() => "deleted");
        const first = await Promise.race([deletion, new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
        await client.query(
          `INSERT INTO "CostDaily" ("awsAccountRef", day, "accountId", service, unblended, amortized, currency, estimated)
           VALUES ($1, '2026-01-01', '111111111111', 'EC2', 1, 1, 'USD', false)`,
          [account.id],
        );
        return first;
      }),
    );
    expect(during).toBe("waiting");
    expect(await deletion).toBe("deleted");
    expect(await stored(account.id)).toBe(0);
  });
});
