import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { deleteUnseen, deleteUnseenIn, upsertRows } from "~/server/ingest/upsert";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { lastFullMonth } from "../rules/finops";
import { loadSyncedEvidence } from ".";

// Rows a sync finds unchanged are not rewritten: the evidence still dates them by the last
// complete fetch of their scope, and only by a complete one.

const DAY_MS = 86_400_000;
const now = new Date();

async function setup() {
  const { workspace } = await workspaceWithOwner("Fetched");
  const account = await db.awsAccount.create({
    data: { workspaceId: workspace.id, kind: "account", accountId: "310000000001", externalId: "external", status: "connected" },
  });
  const run = async (daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    return db.syncRun.create({
      data: { workspaceId: workspace.id, trigger: "manual", status: "succeeded", startedAt: at, finishedAt: at },
    });
  };
  return { workspaceId: workspace.id, ref: account.id, run };
}

const repository = (ref: string, region: string) => ({
  awsAccountRef: ref,
  region,
  name: `repo-${region}`,
  arn: `arn:${region}`,
  uri: region,
  scanOnPush: true,
});

describe("when unchanged rows were last seen", () => {
  it("is the last complete fetch of their scope, not a fetch that stopped part-way", async () => {
    const { workspaceId, ref, run } = await setup();
    const [first, second] = [await run(20), await run(1)];
    const repos = [repository(ref, "eu-west-1"), repository(ref, "us-east-1")];
    const key = ["awsAccountRef", "region", "name"];
    await upsertRows("EcrRepository", key, repos, first.id);
    for (const region of ["eu-west-1", "us-east-1"])
      await deleteUnseenIn(["EcrRepository"], { awsAccountRef: ref, region }, first.id);
    // The second sync reads both regions again, unchanged, but completes only eu-west-1.
    await upsertRows("EcrRepository", key, repos, second.id);
    await deleteUnseenIn(["EcrRepository"], { awsAccountRef: ref, region: "eu-west-1" }, second.id);

    const { ecrRepositories } = await loadSyncedEvidence(workspaceId, now);
    const observed = Object.fromEntries(ecrRepositories.map((r) => [r.region, r.observedAt.toISOString()]));
    expect(observed).toEqual({ "eu-west-1": second.finishedAt!.toISOString(), "us-east-1": first.finishedAt!.toISOString() });
  });

  it("is the last fetch whose days covered the row, for cost", async () => {
    const { workspaceId, ref, run } = await setup();
    const [first, second] = [await run(20), await run(1)];
    const month = lastFullMonth(now);
    const row = {
      awsAccountRef: ref,
      day: `${month}-10`,
      accountId: "310000000001",
      service: "AWS Lambda",
      unblended: "5",
      amortized: "5",
      currency: "USD",
      estimated: false,
    };
    const key = ["awsAccountRef", "day", "accountId", "service"];
    const days = (from: string, to: string) => ({ column: "day", from, to });
    await upsertRows("CostDaily", key, [row], first.id);
    await deleteUnseen("CostDaily", { awsAccountRef: ref }, first.id, days(`${month}-01`, `${month}-28`));
    const observedAt = async () => (await loadSyncedEvidence(workspaceId, now)).computeSpends[0]!.observedAt.toISOString();

    // A later fetch of other days says nothing about this one.
    await deleteUnseen("CostDaily", { awsAccountRef: ref }, second.id, days(`${month}-20`, `${month}-28`));
    expect(await observedAt()).toBe(first.finishedAt!.toISOString());
    await upsertRows("CostDaily", key, [row], second.id);
    await deleteUnseen("CostDaily", { awsAccountRef: ref }, second.id, days(`${month}-01`, `${month}-28`));
    expect(await observedAt()).toBe(second.finishedAt!.toISOString());
  });
});
