import { db } from "~/server/db";

// Fixed-window counters in PostgreSQL, so that a limit holds across every instance of the app.
// Each change is one statement on the (scope, key) row: two instances counting the same key at
// the same moment serialise on the row lock, and neither can read a count the other is changing.
// Times come from the caller (`now`), so tests move the clock instead of sleeping; instances
// are expected to keep their clocks in step (NTP), as sessions already assume.

export interface BucketKey {
  // What is counted: "signin:email", "token:upload", …
  scope: string;
  key: string;
}

export interface Reservation extends BucketKey {
  isAllowed: boolean;
  // Requests counted in the current window, this one included (unchanged while locked).
  count: number;
  windowEnds: Date;
  // When the key may try again; 0 when allowed.
  retryAfterSeconds: number;
}

interface BucketRow {
  count: number;
  windowEnds: Date;
  lockedUntil: Date | null;
}

const secondsBetween = (from: Date, to: Date) => Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));

// Counts one request against `limit` per `windowSeconds`. A locked key is refused without being
// counted; a window that ended, or a lock that ended, starts a new window with this request.
export async function takeFromBucket(
  opts: BucketKey & { limit: number; windowSeconds: number; now: Date },
): Promise<Reservation> {
  const { scope, key, now } = opts;
  const nextWindowEnds = new Date(now.getTime() + opts.windowSeconds * 1000);
  const [row] = await db.$queryRaw<BucketRow[]>`
    INSERT INTO "RateLimitBucket" AS b (scope, key, count, "windowEnds")
    VALUES (${scope}, ${key}, 1, ${nextWindowEnds}::timestamp(3))
    ON CONFLICT (scope, key) DO UPDATE SET
      count = CASE WHEN b."lockedUntil" > ${now}::timestamp(3) THEN b.count
                   WHEN b."windowEnds" <= ${now}::timestamp(3) OR b."lockedUntil" <= ${now}::timestamp(3) THEN 1
                   ELSE b.count + 1 END,
      "windowEnds" = CASE WHEN b."lockedUntil" > ${now}::timestamp(3) THEN b."windowEnds"
                          WHEN b."windowEnds" <= ${now}::timestamp(3) OR b."lockedUntil" <= ${now}::timestamp(3) THEN ${nextWindowEnds}::timestamp(3)
                          ELSE b."windowEnds" END,
      "lockedUntil" = CASE WHEN b."lockedUntil" > ${now}::timestamp(3) THEN b."lockedUntil" END
    RETURNING count, "windowEnds", "lockedUntil"`;
  if (!row) throw new Error(`rate limit ${scope}: the upsert returned no row`);
  const isLocked = row.lockedUntil !== null && row.lockedUntil > now;
  const isAllowed = !isLocked && row.count <= opts.limit;
  const retryAfterSeconds = isAllowed ? 0 : secondsBetween(now, isLocked ? row.lockedUntil! : row.windowEnds);
  return { scope, key, isAllowed, count: row.count, windowEnds: row.windowEnds, retryAfterSeconds };
}

// Locks the key once its window holds `limit` counted requests; returns the end of the lock
// when this call set it (so the caller records a lockout once), null otherwise.
export async function lockBucketIfFull(
  opts: BucketKey & { limit: number; windowEnds: Date; lockSeconds: number; now: Date },
): Promise<Date | null> {
  const lockedUntil = new Date(opts.now.getTime() + opts.lockSeconds * 1000);
  const rows = await db.$queryRaw<{ lockedUntil: Date }[]>`
    UPDATE "RateLimitBucket" SET "lockedUntil" = ${lockedUntil}::timestamp(3)
     WHERE scope = ${opts.scope} AND key = ${opts.key} AND "windowEnds" = ${opts.windowEnds}::timestamp(3)
       AND count >= ${opts.limit} AND "lockedUntil" IS NULL
    RETURNING "lockedUntil"`;
  return rows[0]?.lockedUntil ?? null;
}

// Uncounts a request taken in the window that ends at `windowEnds` (a later window is left alone).
export async function giveBackToBucket(opts: BucketKey & { windowEnds: Date }): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET count = count - 1
     WHERE scope = ${opts.scope} AND key = ${opts.key} AND "windowEnds" = ${opts.windowEnds}::timestamp(3) AND count > 0`;
}

// Forgets the key's count, unless it is locked: a lock always runs to its end.
export async function clearBucket(opts: BucketKey): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE scope = ${opts.scope} AND key = ${opts.key} AND "lockedUntil" IS NULL`;
}

// Rows whose window and lock have both ended count for nothing; the scheduler deletes them.
export async function pruneRateLimitBuckets(now: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE "windowEnds" <= ${now}::timestamp(3) AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamp(3))`;
}
