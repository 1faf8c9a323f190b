import { describe, expect, it } from "vitest";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { focusRows } from "~/server/test/focus-rows";
import { loadDirectory } from "./accounts";

// The directory names every sub-account FOCUS rows bill, once, however many rows name it (found by
// skipping through an index), and `only` narrows it to the accounts asked for.

describe("the account directory", () => {
  it("names each FOCUS sub-account once, and only those asked for", async () => {
    const { workspace } = await workspaceWithOwner("Directory");
    const other = await workspaceWithOwner("Directory other");
    const accounts = ["333333333333", "111111111111", "222222222222"];
    await focusRows(
      workspace.id,
      [...accounts, ...accounts, null, "111111111111"].map((account) => ({ account })),
    );
    await focusRows(other.workspace.id, [{ account: "444444444444" }]);

    const all = await loadDirectory(workspace.id);
    expect([...all.accounts.keys()].sort()).toEqual([...accounts].sort());
    expect(all.accounts.get("222222222222")).toEqual({
      accountId: "222222222222",
      name: "focus-222222222222",
      environment: null,
      ouPath: null,
    });
    const one = await loadDirectory(workspace.id, ["222222222222", "444444444444"]);
    expect([...one.accounts.keys()]).toEqual(["222222222222"]);
    expect((await loadDirectory((await workspaceWithOwner("Directory empty")).workspace.id)).accounts.size).toBe(0);
  });
});
