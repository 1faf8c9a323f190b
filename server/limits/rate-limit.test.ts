import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { uniqueSuffix } from "~/server/test/fixtures";
import { giveBackToBucket, lockBucketIfFull, pruneRateLimitBuckets, takeFromBucket } from "./rate-limit";

const start = new Date("2026-12-02T10:00:00.000Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const bucket = () => ({ scope: "test", key: `k-${uniqueSuffix()}` });

describe("rate limit buckets", () => {
  it("allows `limit` requests per window, then refuses until the window ends, then counts afresh", async () => {
    const key = bucket();
    const take = (seconds: number) => takeFromBucket({ ...key, limit: 3, windowSeconds: 60, now: at(seconds) });
    for (const s of [0, 10, 20]) expect(await take(s)).toMatchObject({ isAllowed: true, retryAfterSeconds: 0 });
    expect(await take(30)).toMatchObject({ isAllowed: false, retryAfterSeconds: 30 });
    expect(await take(59.5)).toMatchObject({ isAllowed: false, retryAfterSeconds: 1 });
    expect(await take(60)).toMatchObject({ isAllowed: true, count: 1, windowEnds: at(120) });
  });

  it("counts requests from many connections at once exactly (one statement per request)", async () => {
    const key = bucket();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => takeFromBucket({ ...key, limit: 10, windowSeconds: 60, now: start })),
    );
    expect(results.filter((r) => r.isAllowed)).toHaveLength(10);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("locks a full window once, refuses without counting while locked, and starts afresh when the lock ends", async () => {
    const key = bucket();
    const take = (seconds: number) => takeFromBucket({ ...key, limit: 2, windowSeconds: 60, now: at(seconds) });
    const lock = (windowEnds: Date, seconds: number) =>
      lockBucketIfFull({ ...key, limit: 2, windowEnds, lockSeconds: 300, now: at(seconds) });

    const first = await take(0);
    expect(await lock(first.windowEnds, 0)).toBeNull();
    const second = await take(5);
    expect(await lock(second.windowEnds, 5)).toEqual(at(305));
    expect(await lock(second.windowEnds, 6)).toBeNull();

    expect(await take(100)).toMatchObject({ isAllowed: false, count: 2, retryAfterSeconds: 205 });
    expect(await take(305)).toMatchObject({ isAllowed: true, count: 1, windowEnds: at(365) });
  });

  it("gives back a request only to the window it was taken from", async () => {
    const key = bucket();
    const take = (seconds: number) => takeFromBucket({ ...key, limit: 5, windowSeconds: 60, now: at(seconds) });
    const first = await take(0);
    await take(1);
    await giveBackToBucket({ ...key, windowEnds: first.windowEnds });
    expect(await take(2)).toMatchObject({ count: 2 });
    const next = await take(60);
    await giveBackToBucket({ ...key, windowEnds: first.windowEnds });
    expect(await take(61)).toMatchObject({ count: 2, windowEnds: next.windowEnds });
  });

  it("prunes rows whose window and lock have ended, and keeps the others", async () => {
    const ended = bucket();
    const locked = bucket();
    const current = bucket();
    await takeFromBucket({ ...ended, limit: 1, windowSeconds: 60, now: at(0) });
    const full = await takeFromBucket({ ...locked, limit: 1, windowSeconds: 60, now: at(0) });
    await lockBucketIfFull({ ...locked, limit: 1, windowEnds: full.windowEnds, lockSeconds: 600, now: at(0) });
    await takeFromBucket({ ...current, limit: 1, windowSeconds: 60, now: at(100) });

    await pruneRateLimitBuckets(at(120));
    const keys = await db.rateLimitBucket.findMany({
      where: { scope: "test", key: { in: [ended.key, locked.key, current.key] } },
      select: { key: true },
    });
    expect(keys.map((k) => k.key).sort()).toEqual([locked.key, current.key].sort());
  });
});
