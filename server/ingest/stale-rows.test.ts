import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { costKey, costRow, testAccount } from "./bulk-write-fixtures";
import { deleteUnseen, deleteUnseenIn, forgetSeenKeys } from "./stale-rows";
import { upsertRows } from "./upsert";

const account = () => testAccount("Stale rows");

// Each row's physical version: it changes whenever Postgres writes the row again.
const versions = async (ref: string) =>
  db.$queryRaw<{ service: string; version: string; run: string }[]>`
    SELECT service, xmin::text AS version, "lastSeenRunId" AS run FROM "CostDaily" WHERE "awsAccountRef" = ${ref} ORDER BY service`;

const repository = (ref: string, region: string, name: string) => ({
  awsAccountRef: ref,
  region,
  name,
  arn: `arn:${region}:${name}`,
  uri: name,
  scanOnPush: true,
});
const repoKey = ["awsAccountRef", "region", "name"];
const repositories = async (ref: string) =>
  (await db.ecrRepository.findMany({ where: { awsAccountRef: ref }, orderBy: [{ region: "asc" }, { name: "asc" }] })).map(
    (r) => `${r.region}/${r.name}`,
  );

describe("stale rows without rewriting unchanged ones", () => {
  it("leaves unchanged rows untouched and still removes what a complete fetch did not see", async () => {
    const { id } = await account();
    const rows = ["EC2", "Lambda", "S3"].map((service) => costRow(id, "2026-01-01", service, "1"));
    await upsertRows("CostDaily", costKey, rows, "run-1");
    const before = await versions(id);

    const seen = [rows[0]!, { ...rows[2]!, unblended: "2", amortized: "2" }];
    expect(await upsertRows("CostDaily", costKey, seen, "run-2")).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await versions(id);
    expect(after.find((r) => r.service === "EC2")).toEqual(before.find((r) => r.service === "EC2"));
    expect(after.find((r) => r.service === "S3")).toMatchObject({ run: "run-2" });
    expect(after.find((r) => r.service === "S3")!.version).not.toBe(before.find((r) => r.service === "S3")!.version);

    expect(await deleteUnseen("CostDaily", { awsAccountRef: id }, "run-2")).toBe(1);
    expect((await versions(id)).map((r) => r.service)).toEqual(["EC2", "S3"]);
  });

  it("cleans one scope of an account without touching what the run saw in its others", async () => {
    const { id } = await account();
    const regions = ["eu-west-1", "us-east-1"];
    const all = regions.flatMap((region) => [repository(id, region, "kept"), repository(id, region, "gone")]);
    await upsertRows("EcrRepository", repoKey, all, "run-1");
    for (const region of regions) await upsertRows("EcrRepository", repoKey, [repository(id, region, "kept")], "run-2");

    expect(await deleteUnseenIn(["EcrRepository"], { awsAccountRef: id, region: "eu-west-1" }, "run-2")).toBe(1);
    // us-east-1's fetch has not completed (or failed): nothing of it goes.
    expect(await repositories(id)).toEqual(["eu-west-1/kept", "us-east-1/gone", "us-east-1/kept"]);
    expect(await deleteUnseenIn(["EcrRepository"], { awsAccountRef: id, region: "us-east-1" }, "run-2")).toBe(1);
    expect(await repositories(id)).toEqual(["eu-west-1/kept", "us-east-1/kept"]);
  });

  it("does not count keys another run saw unchanged", async () => {
    const { id } = await account();
    await upsertRows("EcrRepository", repoKey, [repository(id, "eu-west-1", "a"), repository(id, "eu-west-1", "b")], "run-1");
    await upsertRows("EcrRepository", repoKey, [repository(id, "eu-west-1", "a"), repository(id, "eu-west-1", "b")], "run-2");
    await upsertRows("EcrRepository", repoKey, [repository(id, "eu-west-1", "a")], "run-3");
    expect(await deleteUnseenIn(["EcrRepository"], { awsAccountRef: id, region: "eu-west-1" }, "run-3")).toBe(1);
    expect(await repositories(id)).toEqual(["eu-west-1/a"]);
  });

  it("records each complete fetch of a scope, dropping older ranges a newer one covers", async () => {
    const { id } = await account();
    const fetches = async () =>
      db.$queryRaw<{ from: string; to: string; run: string; detail: string }[]>`
        SELECT "fromDay"::text AS from, "toDay"::text AS to, "runId" AS run, detail FROM "ScopeFetch"
         WHERE "ownerRef" = ${id} ORDER BY "tableName", "fromDay", "runId"`;
    const range = (from: string, to: string) => ({ column: "day", from, to });
    await deleteUnseen("CostDaily", { awsAccountRef: id }, "run-1", range("2026-01-01", "2026-03-01"));
    await deleteUnseen("CostDaily", { awsAccountRef: id }, "run-2", range("2026-02-01", "2026-03-05"));
    await deleteUnseen("CostDaily", { awsAccountRef: id }, "run-3", range("2026-02-01", "2026-03-06"));
    await deleteUnseenIn(["EcrImage"], { awsAccountRef: id, region: "eu-west-1" }, "run-3");
    expect(await fetches()).toEqual([
      { from: "2026-01-01", to: "2026-03-01", run: "run-1", detail: "" },
      { from: "2026-02-01", to: "2026-03-06", run: "run-3", detail: "" },
      { from: "-infinity", to: "infinity", run: "run-3", detail: "eu-west-1" },
    ]);
  });

  it("forgets a finished run's staged keys", async () => {
    const { id } = await account();
    const rows = [costRow(id, "2026-01-01", "EC2", "1")];
    // A run id of its own: forgetting must not reach the keys other tests stage meanwhile.
    const runId = `run-${id}`;
    await upsertRows("CostDaily", costKey, rows, "run-1");
    await upsertRows("CostDaily", costKey, rows, runId);
    const staged = () => db.seenKeys.count({ where: { runId, ownerRef: id } });
    expect(await staged()).toBe(1);
    await forgetSeenKeys(runId);
    expect(await staged()).toBe(0);
  });
});
