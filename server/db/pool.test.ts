import pg from "pg";
import { expect, it } from "vitest";
import { withConnection } from "~/server/db";

it("keeps working when the server ends one of the pool's idle connections", async () => {
  const pid = await withConnection(
    async (client) => (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid,
  );
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    expect((await admin.query("SELECT pg_terminate_backend($1) AS done", [pid])).rows[0].done).toBe(true);
  } finally {
    await admin.end();
  }
  // The idle connection reports its end as an error event; the process must live through it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await withConnection(async (client) => (await client.query("SELECT 1 AS one")).rows[0].one)).toBe(1);
});
