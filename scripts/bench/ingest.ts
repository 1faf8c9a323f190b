// npm run bench:ingest [-- 12 200 1000]: syncs simulated organisations of each size against
// per-service rate limits and latency, and compares the wall time with the lower bound those
// limits set, first sync and the next day's (decision 0007). Then compares upsert throughput with
// a plain COPY of the same rows.
import { connectDemoOrganization } from "~/server/accounts/demo.service";
import { db, disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { getRun, getRunProgress, startSync } from "~/server/ingest/runs.service";
import { sourceNames, type SourceName } from "~/server/ingest/sources";
import { startWorker } from "~/server/ingest/worker";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import { DEFAULT_APP_PRINCIPAL } from "~/simulator/constants";
import { compareUpsertWithCopy } from "./copy-vs-upsert";
import { cpuSnapshot, cpuSpent, type CpuSnapshot } from "./cpu-time";
import { startProfiling, statementSettings } from "./profile";
import { report, withPeakMemory, type Figure } from "./report";
import { control, startSimulatorProcess } from "./simulator-process";
import { tupleWrites, tupleWritesSince } from "./tuple-writes";

// Requests per second per calling account. AWS publishes few of these numbers; where it does not,
// these are the rates commonly observed (see docs/decisions/0003-ingestion-benchmark.md).
const RATES: Record<string, number> = {
  sts: 100,
  organizations: 5,
  ce: 10,
  cloudtrail: 10,
  ecr: 20,
  inspector2: 10,
  fis: 10,
  monitoring: 9,
  codedeploy: 10,
  xray: 5,
  eks: 10,
};
const LATENCY_MS = 25;
const WORKER_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 24);
// Each organisation is synced a second time, unchanged, as the next day's scheduled sync would
// (the daily case, decision 0007); BENCH_RESYNC=0 leaves it out.
const RESYNC = process.env.BENCH_RESYNC !== "0";
// BENCH_SOURCES=cost,scans syncs only those sources, to study one part of the run on its own.
// BENCH_LAST_MONTH=estimated|final: the re-sync runs while Cost Explorer still flags last month
// Estimated, or on the day it turns final (the dearest day, decision 0007); unset: the calendar.
const LAST_MONTH = process.env.BENCH_LAST_MONTH;
const SOURCES = process.env.BENCH_SOURCES?.split(",").filter((s): s is SourceName =>
  (sourceNames as readonly string[]).includes(s),
);

async function benchSize(adminUrl: string, size: number): Promise<Figure[]> {
  const database = await createFreshDatabase(adminUrl, "ladder_bench");
  const sim = await startSimulatorProcess(size);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AWS_ENDPOINT_URL: sim.url,
    AWS_ACCESS_KEY_ID: DEFAULT_APP_PRINCIPAL.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_APP_PRINCIPAL.secretAccessKey,
    AWS_REGION: "us-east-1",
    LADDER_DEMO: "1",
    LADDER_SIM_CONTROL_URL: sim.url,
    LADDER_QUEUE_SCHEMA: `pgboss_bench_${size}`,
    LADDER_ACCOUNT_CONCURRENCY: "2",
  });
  resetEnvCache();
  await disconnectDb();
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  try {
    const user = await createLocalUser({ email: `bench-${size}@example.test`, name: "Bench", password: "benchmark-password" });
    const workspace = await createWorkspace({ userId: user.id, name: "Bench", slug: `bench-${size}` });
    console.log(`\n${size} accounts: connecting the organisation …`);
    await connectDemoOrganization({ workspaceId: workspace.id, workspaceSlug: workspace.slug, actor: { userId: user.id } });

    const rules = [
      ...Object.entries(RATES).map(([service, requestsPerSecond]) => ({
        kind: "rate-limit",
        service,
        requestsPerSecond,
        burst: requestsPerSecond,
      })),
      { kind: "latency", latencyMs: LATENCY_MS },
    ];
    await control(sim.url, "faults", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(rules),
    });
    const finalised = (lastMonthFinal: boolean) =>
      control(sim.url, "cost-finalised", { method: "PUT", body: JSON.stringify({ lastMonthFinal }) });
    if (LAST_MONTH) await finalised(false);
    worker = await startWorker({ concurrency: WORKER_CONCURRENCY, pollingIntervalSeconds: 0.5 });
    const label = (name: string) => `${name} (${size} accounts)`;
    console.log(`${size} accounts: syncing …`);
    const baselineMb = process.memoryUsage().rss / 1024 / 1024;
    const started = Date.now();
    const { run, figures, bound } = await measuredSync(workspace.id, sim, { size, daily: false, label });
    figures.push({ name: label("memory before the sync"), value: baselineMb, unit: "MB", goal: null });
    figures.push(...(await sourceTimeline(run.id, started, label)));
    if (RESYNC) {
      // The next day's sync: the read mark dated back a day, as if the first sync ran yesterday.
      await db.$executeRaw`UPDATE "CostReadMark" SET "readAt" = "readAt" - interval '1 day'`;
      if (LAST_MONTH) await finalised(LAST_MONTH === "final");
      console.log(`${size} accounts: syncing again, unchanged …`);
      const again = await measuredSync(workspace.id, sim, {
        size,
        daily: true,
        label: (name) => label(`daily re-sync: ${name}`),
      });
      figures.push(...again.figures);
    }
    console.log(`${size} accounts: ${run.status}; bound set by ${bound.limitedBy}`);
    if (run.status !== "succeeded")
      console.log(JSON.stringify({ gaps: run.permissionGaps, errors: run.errors.slice(0, 5) }, null, 2));
    return figures;
  } finally {
    await worker?.stop();
    sim.child.kill();
    await disconnectDb();
    await database.drop();
  }
}

// Starts a run and follows it as `ladder sync` does: its progress while it runs, then the whole run.
async function syncToTheEnd(workspaceId: string) {
  const { id } = await startSync({ workspaceId, actor: { label: "bench" }, trigger: "cli", sources: SOURCES });
  for (;;) {
    const progress = await getRunProgress({ workspaceId, runId: id });
    if (progress.finishedAt) return getRun({ workspaceId, runId: id });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// One sync, followed to its end, with what it cost: wall and CPU time against the bound the rate
// limits set, Cost Explorer requests (the payer's dollars) and this process's peak memory.
async function measuredSync(
  workspaceId: string,
  sim: { url: string; child: { pid?: number } },
  { size, daily, label }: { size: number; daily: boolean; label: (name: string) => string },
) {
  const writesBefore = await tupleWrites();
  const before = await control(sim.url, "calls");
  const cpuBefore = cpuSnapshot(sim.child.pid);
  const profiling = await startProfiling(label("sync"));
  const started = Date.now();
  const { result: run, peakMb } = await withPeakMemory(() => syncToTheEnd(workspaceId));
  const wallSeconds = (Date.now() - started) / 1000;
  const cpuAfter = cpuSnapshot(sim.child.pid);
  const cpu = cpuSpent(cpuBefore, cpuAfter);
  await profiling.stop();
  const after = await control(sim.url, "calls");
  // The maturity evaluation the run queued at its end runs after it, in the same worker: waited
  // for here, so that it is not counted into the next sync's CPU, and reported on its own.
  const evaluation = await evaluationCpu(run.id, cpuAfter, sim.child.pid);
  // Rows PostgreSQL wrote (the evaluation's tables aside): a re-sync of an unchanged organisation
  // should write next to none.
  const writes = tupleWritesSince(writesBefore, await tupleWrites());
  const bound = lowerBoundSeconds(before.served, after.served);
  const rows = run.rowsInserted + run.rowsUpdated;
  const ceGoal = size === 1000 ? (daily ? "<= 25" : "<= 300") : null;
  const figures: Figure[] = [
    { name: label("wall time"), value: wallSeconds, unit: "s", goal: null },
    { name: label("rate-limit lower bound"), value: bound.seconds, unit: "s", goal: null },
    { name: label("wall time / lower bound"), value: wallSeconds / bound.seconds, unit: "ratio", goal: null },
    // On two shared cores the simulator standing in for AWS takes a third of the CPU: Ladder's
    // own CPU (workers and PostgreSQL) against the bound says whether Ladder keeps up with AWS.
    {
      name: label("CPU (workers + PostgreSQL) / lower bound"),
      value: (cpu.worker + cpu.postgres) / bound.seconds,
      unit: "ratio",
      goal: "<= 1.0",
    },
    {
      name: label("CPU of the maturity evaluation the sync queued (workers + PostgreSQL)"),
      value: evaluation,
      unit: "s",
      goal: null,
    },
    { name: label("rows written"), value: rows, unit: "rows", goal: null },
    { name: label("rows per second"), value: rows / wallSeconds, unit: "rows/s", goal: null },
    { name: label("Cost Explorer requests"), value: run.ceRequests, unit: "requests", goal: ceGoal },
    { name: label("Cost Explorer dollars"), value: run.ceRequests / 100, unit: "USD", goal: null },
    { name: label("peak memory"), value: peakMb, unit: "MB", goal: "< 512" },
    { name: label("CPU of the workers"), value: cpu.worker, unit: "s", goal: null },
    { name: label("CPU of PostgreSQL"), value: cpu.postgres, unit: "s", goal: null },
    { name: label("CPU of the AWS simulator"), value: cpu.simulator, unit: "s", goal: null },
    { name: label("tuples updated"), value: writes.updated, unit: "rows", goal: null },
    { name: label("tuples inserted"), value: writes.inserted, unit: "rows", goal: null },
    { name: label("tuples deleted"), value: writes.deleted, unit: "rows", goal: null },
    ...Object.entries(run.apiCalls).map(([service, count]) => ({
      name: label(`API calls ${service}`),
      value: count,
      unit: "calls",
      goal: null,
    })),
  ];
  console.log(`${label("sync")}: ${run.status}; bound set by ${bound.limitedBy}; ${run.ceRequests} CE requests`);
  return { run, figures, bound };
}

// CPU seconds (workers + PostgreSQL) until the evaluation queued by the run has stored its
// snapshot; null when it has not within two minutes.
async function evaluationCpu(runId: string, since: CpuSnapshot, simulatorPid: number | undefined): Promise<number | null> {
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    if (await db.maturitySnapshot.findFirst({ where: { syncRunId: runId }, select: { id: true } })) {
      const cpu = cpuSpent(since, cpuSnapshot(simulatorPid));
      return cpu.worker + cpu.postgres;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

// When each source's last task finished, counted from the start of the sync: shows which
// source holds the run up.
async function sourceTimeline(runId: string, started: number, label: (name: string) => string): Promise<Figure[]> {
  const tasks = await db.syncTask.groupBy({ by: ["source"], where: { runId }, _max: { finishedAt: true } });
  return tasks
    .filter((t) => t._max.finishedAt)
    .sort((a, b) => a._max.finishedAt!.getTime() - b._max.finishedAt!.getTime())
    .map((t) => ({
      name: label(`${t.source} done after`),
      value: (t._max.finishedAt!.getTime() - started) / 1000,
      unit: "s",
      goal: null,
    }));
}

// The run cannot be faster than the busiest (account, service) bucket allows: its successful
// calls divided by its rate.
function lowerBoundSeconds(before: Record<string, number>, after: Record<string, number>) {
  let seconds = 0;
  let limitedBy = "";
  for (const [key, count] of Object.entries(after)) {
    const [account, service] = key.split(":") as [string, string];
    const rate = RATES[service];
    if (!rate) continue;
    const needed = (count - (before[key] ?? 0)) / rate;
    if (needed > seconds) {
      seconds = needed;
      limitedBy = `${service} in account ${account}`;
    }
  }
  return { seconds, limitedBy };
}

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const server = await startTestServer({ settings: statementSettings() });
  const figures: Figure[] = [];
  try {
    for (const size of sizes.length ? sizes : [12, 200, 1000]) figures.push(...(await benchSize(server.adminUrl, size)));
    if (process.env.BENCH_COPY !== "0") figures.push(...(await compareUpsertWithCopy(server.adminUrl)));
  } finally {
    await disconnectDb();
    await server.stop();
  }
  report("ingest", figures);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
