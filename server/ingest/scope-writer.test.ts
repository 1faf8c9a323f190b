import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { awkwardImages, costKey, costRow, storedCost, storedImages, testAccount } from "./bulk-write-fixtures";
import { copyInsert, isDuplicateKey } from "./copy-insert";
import { isScopeEmpty, scopeWriter } from "./scope-writer";
import { upsertRows } from "./upsert";

const key = costKey;
const cost = costRow;
const account = () => testAccount("Scope writer");
const range = { column: "day", from: "2026-01-01", to: "2026-02-01" };
const stored = storedCost;

describe("copyInsert", () => {
  it("stores text, arrays, JSON, times and NULLs exactly, whatever characters they hold", async () => {
    const { id } = await account();
    const [image, empty] = awkwardImages(id);
    expect(await copyInsert("EcrImage", [image!, empty!], "run-1")).toBe(2);

    expect(await storedImages(id)).toEqual([image, empty]);
    const rows = await db.ecrImage.findMany({ where: { awsAccountRef: id } });
    expect(rows.every((r) => r.lastSeenRunId === "run-1" && r.id.length > 0)).toBe(true);
  });

  it("writes nothing and fails as a duplicate key when one row exists already", async () => {
    const { id } = await account();
    await upsertRows("CostDaily", key, [cost(id, "2026-01-02", "EC2", "1")], "run-1");
    const error = await copyInsert(
      "CostDaily",
      [cost(id, "2026-01-01", "EC2", "5"), cost(id, "2026-01-02", "EC2", "2")],
      "run-2",
    ).catch((e: unknown) => e);
    expect(isDuplicateKey(error)).toBe(true);
    expect((await stored(id)).map((r) => [r.service, r.unblended.toString()])).toEqual([["EC2", "1"]]);
  });
});

// The cost runner's writer for one payer's daily cost in the test range.
const costWriter = (payerRef: string, runId: string) =>
  scopeWriter({ table: "CostDaily", key, where: { awsAccountRef: payerRef }, range }, runId);
const counts = (inserted: number, updated: number, unchanged: number) => ({ inserted, updated, unchanged });

describe("scopeWriter", () => {
  it("copies into an empty scope and counts every row as inserted", async () => {
    const { id } = await account();
    const writer = costWriter(id, "run-1");
    expect(await writer.write([cost(id, "2026-01-01", "EC2", "0.1"), cost(id, "2026-01-01", "S3", "0.2")])).toEqual(
      counts(2, 0, 0),
    );
    expect(writer.method).toBe("copy");
    // A later page of the same scope and run: still the fast path.
    expect(await writer.write([cost(id, "2026-01-02", "EC2", "0.3")])).toEqual(counts(1, 0, 0));
    expect(writer.method).toBe("copy");
    expect((await stored(id)).map((r) => [r.day.toISOString().slice(0, 10), r.unblended.toString(), r.lastSeenRunId])).toEqual([
      ["2026-01-01", "0.1", "run-1"],
      ["2026-01-01", "0.2", "run-1"],
      ["2026-01-02", "0.3", "run-1"],
    ]);
  });

  it("upserts a scope that held rows when the run began, with the same result as the first sync", async () => {
    const { id } = await account();
    const first = [cost(id, "2026-01-01", "EC2", "0.1"), cost(id, "2026-01-01", "S3", "0.2")];
    await costWriter(id, "run-1").write(first);
    const second = costWriter(id, "run-2");
    const changed = [
      cost(id, "2026-01-01", "EC2", "0.1"),
      cost(id, "2026-01-01", "S3", "0.25"),
      cost(id, "2026-01-03", "S3", "1"),
    ];
    expect(await second.write(changed)).toEqual(counts(1, 1, 1));
    expect(second.method).toBe("upsert");
    expect((await stored(id)).map((r) => [r.unblended.toString(), r.lastSeenRunId])).toEqual([
      ["0.1", "run-1"],
      ["0.25", "run-2"],
      ["1", "run-2"],
    ]);
  });

  it("falls back to the upsert when a row appears after the scope was found empty (a concurrent run)", async () => {
    const { id } = await account();
    const writer = costWriter(id, "run-2");
    await writer.write([cost(id, "2026-01-01", "EC2", "0.1")]);
    expect(writer.method).toBe("copy");
    // Another run writes a row this run is about to write.
    await upsertRows("CostDaily", key, [cost(id, "2026-01-05", "EC2", "9")], "run-other");
    expect(await writer.write([cost(id, "2026-01-05", "EC2", "0.5"), cost(id, "2026-01-06", "EC2", "0.6")])).toEqual(
      counts(1, 1, 0),
    );
    expect(writer.method).toBe("upsert");
    expect(await writer.write([cost(id, "2026-01-07", "EC2", "0.7")])).toEqual(counts(1, 0, 0));
    expect(writer.method).toBe("upsert");
    expect((await stored(id)).map((r) => [r.unblended.toString(), r.lastSeenRunId])).toEqual([
      ["0.1", "run-2"],
      ["0.5", "run-2"],
      ["0.6", "run-2"],
      ["0.7", "run-2"],
    ]);
  });

  it("ignores rows outside its scope when deciding whether the scope is empty", async () => {
    const { id } = await account();
    const other = await account();
    await upsertRows("CostDaily", key, [cost(other.id, "2026-01-01", "EC2", "1"), cost(id, "2025-12-31", "EC2", "1")], "run-0");
    const writer = costWriter(id, "run-1");
    expect(await writer.write([cost(id, "2026-01-01", "EC2", "2")])).toEqual(counts(1, 0, 0));
    expect(writer.method).toBe("copy");
  });

  it("finds a scope empty only when none of its rows lies in its range", async () => {
    const { id } = await account();
    const other = await account();
    const scope = { table: "CostDaily", key, where: { awsAccountRef: id }, range };
    expect(await isScopeEmpty(scope)).toBe(true);
    await upsertRows("CostDaily", key, [cost(other.id, "2026-01-10", "EC2", "1"), cost(id, "2026-02-01", "EC2", "1")], "run-0");
    expect(await isScopeEmpty(scope)).toBe(true);
    await upsertRows("CostDaily", key, [cost(id, "2026-01-31", "EC2", "1")], "run-0");
    expect(await isScopeEmpty(scope)).toBe(false);
    expect(await isScopeEmpty({ ...scope, range: undefined, where: { awsAccountRef: other.id } })).toBe(false);
  });
});
