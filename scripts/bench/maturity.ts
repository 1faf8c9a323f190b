// npm run bench:maturity [-- accounts]: evaluates an organisation of 1,000 accounts (a synced
// simulated organisation, its member accounts copied up to that size) and times the overview API
// against the raw SQL of its trend aggregate over two years of daily snapshots, in this process,
// under the heap limit recommended for workers (which run the evaluation); then evaluates it again
// in a fresh process that loaded what a worker loads, whose memory is not the benchmark's.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import superjson from "superjson";
import { connectDemoOrganization } from "~/server/accounts/demo.service";
import { disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { getRun, startSync } from "~/server/ingest/runs.service";
import { startWorker } from "~/server/ingest/worker";
import { evaluateAndStore } from "~/server/maturity/evaluation.service";
import { resolveScope } from "~/server/maturity/scope";
import { byUtcDay, evaluationsFrom, utcDay } from "~/server/maturity/views/evaluations";
import { trendSql } from "~/server/maturity/views/trend";
import { callerFor } from "~/server/test/fixtures";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import { DEFAULT_APP_PRINCIPAL } from "~/simulator/constants";
import { cloneAccounts } from "./clone-accounts";
import { withExactPeakMemory } from "./peak-memory";
import { report, type Figure } from "./report";
import { startSimulatorProcess } from "./simulator-process";
import { seedSnapshotHistory } from "./snapshot-history";

const ACCOUNTS = Number(process.argv[2] ?? 1000);
const HISTORY_DAYS = 730;
const EVALUATIONS = 4;
const OVERVIEW_RUNS = 9;
const DAY_MS = 86_400_000;

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function syncSimulatedOrganization(url: string) {
  const user = await createLocalUser({ email: "bench-maturity@example.test", name: "Bench", password: "benchmark-password" });
  const workspace = await createWorkspace({ userId: user.id, name: "Bench", slug: "bench-maturity" });
  await connectDemoOrganization({ workspaceId: workspace.id, workspaceSlug: workspace.slug, actor: { userId: user.id } });
  const worker = await startWorker({ concurrency: 8, pollingIntervalSeconds: 0.5 });
  try {
    const { id } = await startSync({ workspaceId: workspace.id, actor: { label: "bench" }, trigger: "cli" });
    for (;;) {
      const run = await getRun({ workspaceId: workspace.id, runId: id });
      if (run.finishedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await worker.stop();
  }
  console.log(`synced the simulated organisation from ${url}`);
  return { user, workspace };
}

// The evaluation in a process that loaded what `ladder worker` loads and did nothing else, under
// the same heap limit (NODE_OPTIONS is inherited): what a worker's memory would show.
async function evaluateInWorkerProcess(workspaceId: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/bench/maturity-worker-process.ts", workspaceId],
    { env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  const line = stdout.trim().split("\n").pop()!;
  return JSON.parse(line) as { beforeMb: number; peakMb: number; firstMs: number; repeatMs: number };
}

async function main() {
  const server = await startTestServer();
  const database = await createFreshDatabase(server.adminUrl, "ladder_bench_maturity");
  const sim = await startSimulatorProcess(12);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AWS_ENDPOINT_URL: sim.url,
    AWS_ACCESS_KEY_ID: DEFAULT_APP_PRINCIPAL.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_APP_PRINCIPAL.secretAccessKey,
    AWS_REGION: "us-east-1",
    LADDER_DEMO: "1",
    LADDER_SIM_CONTROL_URL: sim.url,
    LADDER_QUEUE_SCHEMA: "pgboss_bench_maturity",
  });
  resetEnvCache();
  await disconnectDb();
  const raw = new pg.Client({ connectionString: database.url });
  try {
    const { user, workspace } = await syncSimulatedOrganization(sim.url);
    const accounts = await cloneAccounts(database.url, workspace.id, ACCOUNTS);
    console.log(`copied member accounts up to ${accounts} accounts`);

    const baselineMb = process.memoryUsage().rss / 1024 / 1024;
    const { result: evaluations, peakMb } = await withExactPeakMemory(async () => {
      const done = [];
      for (let i = 0; i < EVALUATIONS; i++) {
        const { ms, result } = await time(() => evaluateAndStore(workspace.id, { trigger: "manual" }));
        done.push({ ms, ...result });
        console.log(
          `evaluation ${i + 1}: ${(ms / 1000).toFixed(2)} s for ${result.accounts} accounts, ${result.results} results ` +
            `(load ${fmt(result.loadMs)}, evaluate ${fmt(result.evaluateMs)}, write ${fmt(result.writeMs)} for ${result.resultsWritten} changed)`,
        );
      }
      return done;
    });
    const worker = await evaluateInWorkerProcess(workspace.id);
    console.log(
      `in a fresh process: first evaluation ${fmt(worker.firstMs)}, repeat ${fmt(worker.repeatMs)}, ` +
        `${worker.beforeMb.toFixed(0)} MB before, peak ${worker.peakMb.toFixed(0)} MB`,
    );
    await seedSnapshotHistory(database.url, workspace.id, HISTORY_DAYS);
    console.log(`seeded ${HISTORY_DAYS} days of snapshots`);

    const caller = await callerFor(user);
    const since = utcDay(new Date(Date.now() - 30 * DAY_MS));
    const scope = { environments: ["prod" as const] };
    const api = () =>
      caller.maturity
        .overview({ workspace: workspace.slug, scope, since, trendDays: HISTORY_DAYS + 1 })
        .then((result) => superjson.stringify(result));
    const plotted = byUtcDay(await evaluationsFrom(workspace.id, new Date(Date.now() - (HISTORY_DAYS + 1) * DAY_MS)));
    const sql = trendSql(
      workspace.id,
      plotted.map((d) => d.last.id),
      resolveScope(scope),
    );
    await raw.connect();
    const rawSql = () => raw.query(sql.text, sql.values);

    await api();
    await rawSql();
    const apiMs: number[] = [];
    const sqlMs: number[] = [];
    let points = 0;
    for (let i = 0; i < OVERVIEW_RUNS; i++) {
      const a = await time(api);
      apiMs.push(a.ms);
      const s = await time(rawSql);
      sqlMs.push(s.ms);
      points = s.result.rowCount ?? 0;
    }
    const steady = evaluations.slice(1);
    const figures: Figure[] = [
      {
        name: `evaluation, ${accounts} accounts (median of ${EVALUATIONS - 1} repeats)`,
        value: median(steady.map((e) => e.ms)) / 1000,
        unit: "s",
        goal: "< 10",
      },
      { name: "  load evidence", value: median(steady.map((e) => e.loadMs)) / 1000, unit: "s", goal: null },
      { name: "  evaluate", value: median(steady.map((e) => e.evaluateMs)) / 1000, unit: "s", goal: null },
      {
        name: "  store snapshot and changed results",
        value: median(steady.map((e) => e.writeMs)) / 1000,
        unit: "s",
        goal: null,
      },
      { name: "first evaluation (every result written)", value: evaluations[0]!.ms / 1000, unit: "s", goal: "< 10" },
      { name: `peak memory while evaluating, ${accounts} accounts`, value: peakMb, unit: "MB", goal: "< 512" },
      { name: "memory before evaluating", value: baselineMb, unit: "MB", goal: null },
      { name: "peak above the memory before evaluating", value: peakMb - baselineMb, unit: "MB", goal: null },
      { name: "fresh worker process: memory before evaluating", value: worker.beforeMb, unit: "MB", goal: null },
      { name: "fresh worker process: peak, first evaluation and a repeat", value: worker.peakMb, unit: "MB", goal: "< 512" },
      { name: "fresh worker process: first evaluation", value: worker.firstMs / 1000, unit: "s", goal: "< 10" },
      { name: "results per evaluation", value: evaluations[0]!.results, unit: "results", goal: null },
      {
        name: `overview API, ${points} daily snapshots (median of ${OVERVIEW_RUNS})`,
        value: median(apiMs),
        unit: "ms",
        goal: null,
      },
      { name: "raw SQL of its trend aggregate (median)", value: median(sqlMs), unit: "ms", goal: null },
      { name: "overview API / raw SQL", value: median(apiMs) / median(sqlMs), unit: "ratio", goal: "<= 1.5" },
    ];
    report("maturity", figures);
  } finally {
    await raw.end().catch(() => undefined);
    sim.child.kill();
    await disconnectDb();
    await database.drop();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
