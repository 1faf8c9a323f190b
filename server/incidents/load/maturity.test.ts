import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { resolveScope } from "../scope";
import { loadMaturityChanges } from "./maturity";

// Level changes read from stored snapshots, on a hand-built history: days that repeat the day
// before, a practice that stops applying (-1) and comes back, the catalogue's order changing, and
// a range that starts after some changes.

const day = (n: number) => new Date(Date.UTC(2026, 5, n, 6));
let workspaceId: string;

async function snapshot(n: number, practiceIds: string[], levels: Record<string, number[]>) {
  const created = await db.maturitySnapshot.create({
    data: { workspaceId, evaluatedAt: day(n), trigger: "test", practiceIds, accounts: 2, checks: 1, durationMs: 1 },
  });
  await db.maturityAccountLevel.createMany({
    data: Object.entries(levels).map(([accountId, accountLevels]) => ({
      snapshotId: created.id,
      workspaceId,
      evaluatedAt: day(n),
      accountId,
      levels: accountLevels,
    })),
  });
}

beforeAll(async () => {
  workspaceId = (await workspaceWithOwner("Level changes")).workspace.id;
  const order = ["multi-account", "observability"];
  await snapshot(1, order, { A: [1, -1], B: [0, 0] });
  await snapshot(2, order, { A: [1, -1], B: [0, 0] });
  await snapshot(3, order, { A: [2, -1], B: [0, 0] });
  await snapshot(4, order, { A: [-1, 0], B: [0, 0] });
  await snapshot(5, order, { A: [3, 0], B: [0, 0] });
  // The catalogue's order changed: the same levels in another order are no change.
  await snapshot(6, ["observability", "multi-account"], { A: [1, 3], B: [0, 0] });
  await snapshot(7, ["observability", "multi-account"], { A: [1, 3], B: [0, 1] });
  await snapshot(8, ["observability", "multi-account"], { A: [1, 3], B: [0, 1] });
});

async function changes(from: number, to: number) {
  const scope = await resolveScope(workspaceId, { from: "2026-01-01", to: "2027-01-01" }, day(20));
  const events = await loadMaturityChanges(scope, day(from), day(to));
  return events.map((e) => [e.at.getUTCDate(), e.accountId, e.practiceId, e.from, e.to]);
}

describe("maturity level changes", () => {
  it("reports each change once, against the last level that applied, whatever the order of practices", async () => {
    expect(await changes(1, 9)).toEqual([
      [3, "A", "multi-account", 1, 2],
      // Day 4: multi-account stopped applying (skipped); observability's first level is no change.
      [5, "A", "multi-account", 2, 3],
      [6, "A", "observability", 0, 1],
      [7, "B", "multi-account", 0, 1],
    ]);
  });

  it("compares a range's first change with the snapshot before the range", async () => {
    expect(await changes(5, 7)).toEqual([
      [5, "A", "multi-account", 2, 3],
      [6, "A", "observability", 0, 1],
    ]);
  });
});
