import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "~/server/db/embedded";
import { migrateDatabase } from "~/server/db/migrate";
import type { Env } from "~/server/env";
import { tellSupervisor } from "./shutdown";

export interface ResolvedDatabase {
  url: string;
  isEmbedded: boolean;
  // Stops the embedded server if this process started it.
  release(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// DATABASE_URL when set; otherwise the embedded PostgreSQL in <data dir>/postgres, reusing a
// server that `npm start` already runs on the same port (an admin command beside the app).
export async function resolveDatabase(e: Env, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, isEmbedded: false, release: async () => undefined };
  const dataDir = path.join(e.LADDER_DATA_DIR, "postgres");
  const url = `postgresql://ladder:ladder@127.0.0.1:${e.LADDER_PG_PORT}/ladder`;
  if (existsSync(path.join(dataDir, "PG_VERSION")) && (await canConnect(url))) {
    return { url, isEmbedded: true, release: async () => undefined };
  }
  const isFirstRun = !existsSync(path.join(dataDir, "PG_VERSION"));
  log(isFirstRun ? `Creating the embedded PostgreSQL in ${dataDir} …` : `Starting the embedded PostgreSQL (${dataDir}) …`);
  const server = await startEmbeddedPostgres({ dataDir, port: e.LADDER_PG_PORT, sharedDir: e.LADDER_PG_SHARED_DIR, log });
  tellSupervisor({ postgresDataDir: server.dataDir });
  await ensureDatabase(server.adminUrl, "ladder");
  return { url: server.urlFor("ladder"), isEmbedded: true, release: () => server.stop() };
}

export async function migrate(url: string, log: (line: string) => void): Promise<void> {
  const result = await migrateDatabase(url);
  if (result.applied.length) log(`Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`);
}

// next-auth signs its CSRF and OAuth state cookies with this; generated once and kept with the
// data so restarts do not sign everyone out. Several instances must share NEXTAUTH_SECRET.
export function ensureAuthSecret(e: Env): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  const file = path.join(e.LADDER_DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(e.LADDER_DATA_DIR, { recursive: true });
  const secret = crypto.randomUUID() + crypto.randomUUID();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
