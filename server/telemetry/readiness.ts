import pg from "pg";
import { withConnection } from "~/server/db";
import { readMigrations, type Migration } from "~/server/db/migrate";
import { getQueue, TASK_QUEUE } from "~/server/ingest/queue";
import { queueSchema } from "./queue-metrics";

// What /api/ready checks, in order, stopping at the first that fails: the database answers, every
// migration this build ships is applied, and the job queue is installed (a web instance installs
// it itself the first time, as sending a job would). Each check is one short query.

export type ReadinessCheck = "database" | "migrations" | "queue";
export type Readiness = { ready: true } | { ready: false; failed: ReadinessCheck; detail: string };

const CHECK_TIMEOUT_MS = 3000;
let shipped: Migration[] | undefined;

type Query = (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;

export async function checkReadiness(opts: { databaseUrl?: string; migrations?: Migration[] } = {}): Promise<Readiness> {
  const migrations = opts.migrations ?? (shipped ??= readMigrations());
  try {
    return await withTimeout(
      withQuery(opts.databaseUrl, (query) => runChecks(query, migrations, !opts.databaseUrl)),
      CHECK_TIMEOUT_MS,
    );
  } catch (error) {
    return { ready: false, failed: "database", detail: `The database did not answer: ${(error as Error).message}` };
  }
}

async function runChecks(query: Query, migrations: Migration[], mayInstallQueue: boolean): Promise<Readiness> {
  await query("SELECT 1");
  const applied = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  ).catch(() => ({ rows: [] as { migration_name: string }[] }));
  const done = new Set(applied.rows.map((r: { migration_name: string }) => r.migration_name));
  const missing = migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
  if (missing.length) {
    return {
      ready: false,
      failed: "migrations",
      detail: `${missing.length} migration(s) not applied (${missing.join(", ")}): run \`ladder migrate\`.`,
    };
  }
  if (!(await hasTaskQueue(query))) {
    if (mayInstallQueue) await getQueue();
    if (!mayInstallQueue || !(await hasTaskQueue(query)))
      return { ready: false, failed: "queue", detail: "The job queue is not installed in the database." };
  }
  return { ready: true };
}

async function hasTaskQueue(query: Query): Promise<boolean> {
  const schema = queueSchema();
  const table = await query(`SELECT to_regclass($1) AS queue`, [`"${schema}".queue`]);
  if (!table.rows[0]?.queue) return false;
  const { rowCount } = await query(`SELECT 1 FROM "${schema}".queue WHERE name = $1`, [TASK_QUEUE]);
  return (rowCount ?? 0) > 0;
}

async function withQuery<T>(databaseUrl: string | undefined, work: (query: Query) => Promise<T>): Promise<T> {
  if (!databaseUrl) return withConnection((client) => work((sql, values) => client.query(sql, values)));
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  await client.connect();
  try {
    return await work((sql, values) => client.query(sql, values));
  } finally {
    await client.end();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
