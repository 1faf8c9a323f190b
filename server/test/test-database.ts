import { randomBytes } from "node:crypto";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "~/server/db/embedded";
import { migrateDatabase } from "~/server/db/migrate";

// Tests get a fresh, migrated database per run on a real PostgreSQL: the server named by
// LADDER_TEST_PG_URL (an admin URL; `npm test` sets it), or an embedded one started here.

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.LADDER_TEST_PG_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const port = Number(process.env.LADDER_TEST_PG_PORT ?? 54339);
  const server = await startEmbeddedPostgres({ dataDir: ".data/test-postgres", port });
  return { adminUrl: server.adminUrl, stop: () => server.stop() };
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createFreshDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = databaseUrlFor(adminUrl, name);
  await migrateDatabase(url);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
