import { Gauge } from "prom-client";
import { withConnection } from "~/server/db";
import { EVALUATE_QUEUE, SCHEDULER_QUEUE, TASK_QUEUE, UPLOAD_QUEUE } from "~/server/ingest/queue";
import { log } from "./log";
import { metrics } from "./metrics";

// Queue depth is read from PostgreSQL when scraped, so every process reports the same numbers
// for the shared queue (aggregate with max(), not sum()).
const WAITING_STATES = ["created", "retry", "active"];

export function registerQueueDepth(): void {
  const { registry } = metrics();
  if (registry.getSingleMetric("ladder_queue_jobs")) return;
  new Gauge({
    name: "ladder_queue_jobs",
    help: "Jobs waiting or running in the shared queue, by queue and state (read from the database at scrape time)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      let rows: Awaited<ReturnType<typeof queueDepth>>;
      try {
        rows = await queueDepth();
      } catch (error) {
        // A database that does not answer leaves this gauge out, not the process metrics with it.
        log.warn({ err: error }, "metrics: queue depth unreadable");
        return;
      }
      // Known queues report 0 rather than vanish when empty.
      for (const queue of [TASK_QUEUE, EVALUATE_QUEUE, UPLOAD_QUEUE, SCHEDULER_QUEUE])
        for (const state of WAITING_STATES) this.set({ queue, state }, 0);
      for (const row of rows) this.set({ queue: row.name, state: row.state }, row.count);
    },
  });
}

export function queueSchema(): string {
  const schema = process.env.LADDER_QUEUE_SCHEMA ?? "pgboss";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`LADDER_QUEUE_SCHEMA is not a plain name: ${schema}`);
  return schema;
}

async function queueDepth(): Promise<{ name: string; state: string; count: number }[]> {
  const schema = queueSchema();
  return withConnection(async (client) => {
    const exists = await client.query(`SELECT to_regclass($1) AS job`, [`"${schema}".job`]);
    if (!exists.rows[0]?.job) return [];
    const { rows } = await client.query<{ name: string; state: string; count: number }>(
      `SELECT name, state::text AS state, count(*)::int AS count FROM "${schema}".job
        WHERE state = ANY($1::"${schema}".job_state[]) GROUP BY 1, 2`,
      [WAITING_STATES],
    );
    return rows;
  });
}
