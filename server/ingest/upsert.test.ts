import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { awkwardImages, costKey, costRow, imageKey, storedImages, testAccount } from "./bulk-write-fixtures";
import { deleteUnseen, deleteUnseenIn, upsertRows } from "./upsert";

const key = costKey;
const cost = costRow;
const account = () => testAccount("Upsert");

describe("upsertRows", () => {
  it("inserts, then reports unchanged and changed rows, keeping decimals exact", async () => {
    const { id } = await account();
    const rows = [
      cost(id, "2026-01-01", "EC2", "0.1"),
      cost(id, "2026-01-01", "S3", "0.2"),
      cost(id, "2026-01-02", "EC2", "123456789.123456"),
    ];
    expect(await upsertRows("CostDaily", key, rows, "run-1")).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(await upsertRows("CostDaily", key, rows, "run-2")).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = [...rows.slice(0, 2), cost(id, "2026-01-02", "EC2", "123456789.123457")];
    expect(await upsertRows("CostDaily", key, changed, "run-3")).toEqual({ inserted: 0, updated: 1, unchanged: 2 });

    const stored = await db.costDaily.findMany({ where: { awsAccountRef: id }, orderBy: [{ day: "asc" }, { service: "asc" }] });
    expect(stored.map((r) => r.unblended.toString())).toEqual(["0.1", "0.2", "123456789.123457"]);
    // Only the changed row is rewritten; the others keep the run that last wrote them.
    expect(stored.map((r) => r.lastSeenRunId)).toEqual(["run-1", "run-1", "run-3"]);
    const sum = stored.reduce((total, r) => total.plus(r.unblended), stored[0]!.unblended.minus(stored[0]!.unblended));
    expect(sum.toString()).toBe("123456789.423457");
  });

  it("keeps the last of duplicate keys in one batch and handles arrays and JSON", async () => {
    const { id } = await account();
    const group = (alarms: string[]) => ({
      awsAccountRef: id,
      region: "us-east-1",
      applicationName: "shop",
      groupName: "prod",
      deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      deploymentStyle: "canary",
      computePlatform: "ECS",
      autoRollbackEnabled: true,
      autoRollbackEvents: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"],
      alarmsEnabled: true,
      alarms,
    });
    const counts = await upsertRows(
      "DeploymentGroup",
      ["awsAccountRef", "region", "applicationName", "groupName"],
      [group(["a"]), group(["b", "c"])],
      "run-1",
    );
    expect(counts.inserted).toBe(1);
    const stored = await db.deploymentGroup.findFirstOrThrow({ where: { awsAccountRef: id } });
    expect(stored.alarms).toEqual(["b", "c"]);
    expect(stored.autoRollbackEvents).toEqual(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]);
  });

  it("stores text, arrays, JSON, times and NULLs exactly, whatever characters they hold", async () => {
    const { id } = await account();
    const [image, empty] = awkwardImages(id);
    expect(await upsertRows("EcrImage", imageKey, [image!, empty!], "run-1")).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await upsertRows("EcrImage", imageKey, [image!, empty!], "run-2")).toEqual({ inserted: 0, updated: 0, unchanged: 2 });

    expect(await storedImages(id)).toEqual([image, empty]);
  });

  it("deletes only unseen rows inside the given scope and range", async () => {
    const { id } = await account();
    await upsertRows(
      "CostDaily",
      key,
      [cost(id, "2026-01-10", "EC2", "1"), cost(id, "2026-02-10", "EC2", "1"), cost(id, "2026-02-11", "EC2", "1")],
      "run-1",
    );
    await upsertRows("CostDaily", key, [cost(id, "2026-02-10", "EC2", "2")], "run-2");
    const deleted = await deleteUnseen("CostDaily", { awsAccountRef: id }, "run-2", {
      column: "day",
      from: "2026-02-01",
      to: "2026-03-01",
    });
    expect(deleted).toBe(1);
    const days = (await db.costDaily.findMany({ where: { awsAccountRef: id }, orderBy: { day: "asc" } })).map((r) =>
      r.day.toISOString().slice(0, 10),
    );
    expect(days).toEqual(["2026-01-10", "2026-02-10"]);
  });

  it("deletes unseen rows of several tables in one scope, and nothing outside it", async () => {
    const { id } = await account();
    const [kept, stale] = awkwardImages(id);
    const repository = (name: string) => ({
      awsAccountRef: id,
      region: "eu-west-1",
      name,
      arn: `arn:${name}`,
      uri: name,
      scanOnPush: true,
    });
    const repoKey = ["awsAccountRef", "region", "name"];
    await upsertRows("EcrImage", imageKey, [kept!, stale!, { ...stale!, region: "us-east-1" }], "run-1");
    await upsertRows("EcrRepository", repoKey, [repository("kept"), repository("stale")], "run-1");
    await upsertRows("EcrImage", imageKey, [kept!], "run-2");
    await upsertRows("EcrRepository", repoKey, [repository("kept")], "run-2");

    const deleted = await deleteUnseenIn(["EcrImage", "EcrRepository"], { awsAccountRef: id, region: "eu-west-1" }, "run-2");

    expect(deleted).toBe(2);
    expect((await db.ecrImage.findMany({ where: { awsAccountRef: id } })).map((i) => [i.region, i.digest]).sort()).toEqual([
      ["eu-west-1", "sha256:1"],
      ["us-east-1", "sha256:2"],
    ]);
    expect((await db.ecrRepository.findMany({ where: { awsAccountRef: id } })).map((r) => r.name)).toEqual(["kept"]);
  });
});
