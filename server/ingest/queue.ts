import PgBoss from "pg-boss";
import { databaseUrl } from "~/server/env";
import { log } from "~/server/telemetry/log";

export const TASK_QUEUE = "sync-task";
export const SCHEDULER_QUEUE = "sync-scheduler";
export const EVALUATE_QUEUE = "maturity-evaluate";
export const UPLOAD_QUEUE = "upload-store";
// Reading a 100 MB report takes minutes; a worker that died holding one is replaced after this.
export const UPLOAD_TIMEOUT_SECONDS = 1800;

export interface QueueOptions {
  // Workers supervise (expire stuck jobs, retry them) and run the schedule; the web tier only sends.
  role: "sender" | "worker";
  // How long a task may run before it counts as lost (a killed worker) and is retried.
  taskTimeoutSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

let current: { boss: PgBoss; role: QueueOptions["role"] } | undefined;
let starting: Promise<PgBoss> | undefined;

export function taskTimeoutSeconds(): number {
  return Number(process.env.LADDER_TASK_TIMEOUT_SECONDS ?? 900);
}

export async function getQueue(options: QueueOptions = { role: "sender" }): Promise<PgBoss> {
  if (current && (current.role === "worker" || options.role === "sender")) return current.boss;
  starting ??= startQueue(options).finally(() => {
    starting = undefined;
  });
  return starting;
}

async function startQueue(options: QueueOptions): Promise<PgBoss> {
  if (current) await current.boss.stop({ graceful: false, wait: true });
  const isWorker = options.role === "worker";
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    // Separate schemas keep separate queues in one database (each test file has its own).
    schema: process.env.LADDER_QUEUE_SCHEMA ?? "pgboss",
    application_name: `ladder-${options.role}`,
    max: isWorker ? 6 : 2,
    supervise: isWorker,
    schedule: isWorker,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? Number(process.env.LADDER_QUEUE_MAINTENANCE_SECONDS ?? 60),
  });
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  await boss.start();
  const timeout = options.taskTimeoutSeconds ?? taskTimeoutSeconds();
  await ensureQueue(boss, {
    name: TASK_QUEUE,
    retryLimit: Number(process.env.LADDER_TASK_RETRY_LIMIT ?? 3),
    retryDelay: Number(process.env.LADDER_TASK_RETRY_DELAY_SECONDS ?? 15),
    retryBackoff: true,
    expireInSeconds: timeout,
  });
  await ensureQueue(boss, { name: SCHEDULER_QUEUE, retryLimit: 0, expireInSeconds: 300, policy: "singleton" });
  await ensureQueue(boss, { name: EVALUATE_QUEUE, retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 });
  await ensureQueue(boss, { name: UPLOAD_QUEUE, retryLimit: 3, retryDelay: 2, expireInSeconds: UPLOAD_TIMEOUT_SECONDS });
  current = { boss, role: options.role };
  return boss;
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  const existing = await boss.getQueue(queue.name);
  if (existing) await boss.updateQueue(queue.name, queue);
  else await boss.createQueue(queue.name, queue);
}

export interface StopQueueOptions {
  // How long jobs in hand may run on before pg-boss fails them back to the queue.
  timeoutMs?: number;
  // Runs after pg-boss has stopped taking and failing jobs, on its still open connections.
  beforeClose?: (boss: PgBoss) => Promise<void>;
}

export async function stopQueue(options: StopQueueOptions = {}): Promise<void> {
  const active = current;
  current = undefined;
  if (!active) return;
  await active.boss.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 10_000, close: false });
  try {
    await options.beforeClose?.(active.boss);
  } finally {
    // pg-boss's own pool (its Db has close(); the typings leave it out).
    await (active.boss.getDb() as PgBoss.Db & { close(): Promise<void> }).close();
  }
}
