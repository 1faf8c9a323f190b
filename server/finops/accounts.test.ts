import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { loadDirectory } from "./accounts";

// The directory names every sub-account FOCUS rows bill, once, however many rows name it (found by
// skipping through an index), and `only` narrows it to the accounts asked for.

async function focusRows(workspaceId: string, accounts: (string | null)[]) {
  const upload = await db.upload.create({
    data: { workspaceId, kind: "focus", format: "csv", tool: "focus", sizeBytes: 1, summary: {} },
  });
  await db.focusCostRow.createMany({
    data: accounts.map((account, i) => ({
      workspaceId,
      uploadId: upload.id,
      rowNumber: i + 2,
      provider: "AWS",
      billingAccountId: "999999999999",
      billingPeriodStart: new Date(Date.UTC(2026, 9, 1)),
      billingPeriodEnd: new Date(Date.UTC(2026, 10, 1)),
      billingCurrency: "USD",
      subAccountId: account,
      subAccountName: account ? `name-${account}` : null,
      chargePeriodStart: new Date(Date.UTC(2026, 9, 3)),
      chargePeriodEnd: new Date(Date.UTC(2026, 9, 4)),
      chargeCategory: "Usage",
      serviceName: "Amazon Elastic Compute Cloud",
      pricingCategory: "Standard",
      consumedQuantity: new Prisma.Decimal("1"),
      billedCost: new Prisma.Decimal("1"),
      effectiveCost: new Prisma.Decimal("1"),
      listCost: new Prisma.Decimal("1"),
    })),
  });
}

describe("the account directory", () => {
  it("names each FOCUS sub-account once, and only those asked for", async () => {
    const { workspace } = await workspaceWithOwner("Directory");
    const other = await workspaceWithOwner("Directory other");
    const accounts = ["333333333333", "111111111111", "222222222222"];
    await focusRows(workspace.id, [...accounts, ...accounts, null, "111111111111"]);
    await focusRows(other.workspace.id, ["444444444444"]);

    const all = await loadDirectory(workspace.id);
    expect([...all.accounts.keys()].sort()).toEqual([...accounts].sort());
    expect(all.accounts.get("222222222222")).toEqual({
      accountId: "222222222222",
      name: "name-222222222222",
      environment: null,
      ouPath: null,
    });
    const one = await loadDirectory(workspace.id, ["222222222222", "444444444444"]);
    expect([...one.accounts.keys()]).toEqual(["222222222222"]);
    expect((await loadDirectory((await workspaceWithOwner("Directory empty")).workspace.id)).accounts.size).toBe(0);
  });
});
