import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "~/server/db/embedded";
import { migrateDatabase } from "~/server/db/migrate";

// Tests get a fresh, migrated database per run on a real PostgreSQL: the server named by
// LADDER_TEST_PG_URL (an admin URL; `npm test` sets it), or an embedded one started here.

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

// Each run gets its own throw-away cluster on a free port, so test runs never collide.
// `settings` apply to an embedded server only (an external one is left as it is).
export async function startTestServer(opts: { settings?: Record<string, string> } = {}): Promise<TestServer> {
  const external = process.env.LADDER_TEST_PG_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const port = process.env.LADDER_TEST_PG_PORT ? Number(process.env.LADDER_TEST_PG_PORT) : await freePort();
  const dataDir = path.join(".data", "test-postgres", `${process.pid}-${port}`);
  const server = await startEmbeddedPostgres({ dataDir, port, settings: opts.settings });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
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
