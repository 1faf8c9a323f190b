import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "~/server/test/test-database";
import { childEnv, runLadder } from "~/server/test/processes";
import { dropDatabase, ensureDatabase } from "./embedded";
import { readMigrations } from "./migrate";

// `ladder migrate` is the pre-rollout job, and every `ladder start` migrates as it starts: several
// at once on a fresh database apply each migration once, behind an advisory lock.

const adminUrl = databaseUrlFor(process.env.DATABASE_URL!, "postgres");
const name = `ladder_race_${randomBytes(4).toString("hex")}`;
afterAll(() => dropDatabase(adminUrl, name));

describe("two ladder migrate at once", () => {
  it("apply every migration exactly once, and both exit 0", async () => {
    await ensureDatabase(adminUrl, name);
    const env = childEnv({ DATABASE_URL: databaseUrlFor(adminUrl, name) });
    const both = [runLadder(["migrate"], env), runLadder(["migrate"], env)];
    const exits = await Promise.all(both.map((p) => p.exit()));
    expect(
      exits.map((e) => e.code),
      both.map((p) => p.output()).join("\n"),
    ).toEqual([0, 0]);

    const migrations = readMigrations();
    const applied = both.map((p) => Number(p.output().match(/Applied (\d+) migration/)?.[1] ?? 0));
    expect(applied.sort((x, y) => x - y)).toEqual([0, migrations.length]);
    const client = new pg.Client({ connectionString: databaseUrlFor(adminUrl, name) });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; times: number; finished: number }>(
        `SELECT migration_name, count(*)::int AS times, count(finished_at)::int AS finished
           FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, times: 1, finished: 1 })));
    } finally {
      await client.end();
    }
  });
});
