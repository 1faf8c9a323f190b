import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

// One registry per process, on globalThis: Next.js loads server modules in more than one bundle
// (route handlers, the instrumentation hook) and the CLI loads them again, and all must count into
// the same metrics. Each process is scraped on its own (README, "Telemetry").

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
const TASK_SECONDS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "ladder_http_request_duration_seconds",
      help: "HTTP requests served, by route pattern (not the raw path), method and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: SECONDS,
      registers,
    }),
    procedureDuration: new Histogram({
      name: "ladder_trpc_procedure_duration_seconds",
      help: "tRPC procedures, by procedure path and result",
      labelNames: ["procedure", "type", "result"] as const,
      buckets: SECONDS,
      registers,
    }),
    taskDuration: new Histogram({
      name: "ladder_sync_task_duration_seconds",
      help: "Sync tasks run by this process, by source and final status (retried attempts count as 'retry')",
      labelNames: ["source", "status"] as const,
      buckets: TASK_SECONDS,
      registers,
    }),
    syncRuns: new Counter({
      name: "ladder_sync_runs_total",
      help: "Sync runs that finished in this process (its last task ran here), by outcome",
      labelNames: ["status"] as const,
      registers,
    }),
    awsRequests: new Counter({
      name: "ladder_aws_requests_total",
      help: "AWS API requests (every attempt, retries included), by client",
      labelNames: ["service"] as const,
      registers,
    }),
    awsThrottled: new Counter({
      name: "ladder_aws_throttled_total",
      help: "AWS API attempts answered with throttling, by client",
      labelNames: ["service"] as const,
      registers,
    }),
    costExplorerRequests: new Counter({
      name: "ladder_cost_explorer_requests_total",
      help: "Cost Explorer requests, each billed to the payer account",
      registers,
    }),
    costExplorerDollars: new Counter({
      name: "ladder_cost_explorer_cost_usd_total",
      help: "What the Cost Explorer requests cost, in US dollars ($0.01 each)",
      registers,
    }),
    evaluationDuration: new Histogram({
      name: "ladder_evaluation_duration_seconds",
      help: "Maturity evaluations, by trigger and result",
      labelNames: ["trigger", "result"] as const,
      buckets: TASK_SECONDS,
      registers,
    }),
  };
}

export type LadderMetrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { ladderMetrics?: LadderMetrics };

export function metrics(): LadderMetrics {
  holder.ladderMetrics ??= createMetrics();
  return holder.ladderMetrics;
}

export function secondsSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}
