// npm run bench:load: 50 signed-in users for 60 s against two web processes (`ladder start`
// without its worker, one database, one NEXTAUTH_SECRET) on the 1,000-account data set of the
// other benchmarks (scripts/bench/load-data.ts): the overview, maturity, FinOps and incidents pages
// and the tRPC batches their panels send (scripts/bench/load-routes.ts). Prints throughput and
// latency percentiles per route and the CPU each process spent; figures in .bench/load.json.
// BENCH_LOAD_SECONDS shortens the run, BENCH_LOAD_ACCOUNTS and BENCH_LOAD_USERS change the size,
// BENCH_LOAD_NODE_ARGS passes Node flags to the web processes (e.g. --cpu-prof), BENCH_LOAD_PORT
// sets the first of their two ports (3191).
import http from "node:http";
import { disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { buildApp, isBuildCurrent } from "~/server/cli/build";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { writeLoadData, USER_PASSWORD } from "./load-data";
import { cpuDuring } from "./load-cpu";
import { loadRoutes, type LoadRoute } from "./load-routes";
import { printTable, runLoad, type Session } from "./load-run";
import { signIn, startWeb, stopWeb, type WebProcess } from "./load-web";
import { report, type Figure } from "./report";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const ACCOUNTS = Number(process.env.BENCH_LOAD_ACCOUNTS ?? 1000);
const USERS = Number(process.env.BENCH_LOAD_USERS ?? 50);
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3191);
const PORTS = [PORT, PORT + 1];

// fetch gives up on a response whose headers take over 5 minutes, which a busy machine reached.
function getWithoutTimeout(url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

// Every route answers 200 with what a signed-in user sees (no redirect to sign-in, no tRPC
// error) on every process before the clock starts; this also warms each process up. All at once:
// one at a time, the slow routes took longer than the run itself on a busy machine.
async function checkRoutes(routes: LoadRoute[], sessions: Session[], webs: WebProcess[]) {
  const checks = webs.flatMap((web) => {
    const cookie = sessions.find((s) => s.web === web)!.cookie;
    return routes.map(async (route) => {
      const { status, body } = await getWithoutTimeout(`${web.base}${route.path}`, cookie);
      const isApi = route.path.startsWith("/api/");
      const errors = isApi ? (JSON.parse(body) as { error?: unknown }[]).filter((r) => r.error).map((r) => r.error) : [];
      const failed = isApi ? errors.length > 0 : !body.includes("<main");
      // A batch's errors, not its first bytes: the procedures that answered come first.
      const shown = errors.length ? JSON.stringify(errors).slice(0, 2000) : body.slice(0, 500);
      if (status !== 200 || failed) throw new Error(`${route.name} on ${web.base} answered ${status}: ${shown}`);
    });
  });
  await Promise.all(checks);
}

function figuresOf(results: Awaited<ReturnType<typeof runLoad>>): Figure[] {
  return results.flatMap((r) => [
    { name: `p95 ${r.name}`, value: r.p95, unit: "ms", goal: "< 200" },
    { name: `p50 ${r.name}`, value: r.p50, unit: "ms", goal: null },
    { name: `p99 ${r.name}`, value: r.p99, unit: "ms", goal: null },
    { name: `throughput ${r.name}`, value: r.perSecond, unit: "req/s", goal: null },
    { name: `errors ${r.name}`, value: r.errors + r.non2xx, unit: "requests", goal: "0" },
  ]);
}

async function main() {
  const server = await startTestServer();
  const database = await createFreshDatabase(server.adminUrl, "ladder_bench_load");
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  await disconnectDb();
  const webs: WebProcess[] = [];
  try {
    const data = await writeLoadData(database.url, ACCOUNTS, USERS);
    await disconnectDb();
    console.log(`loaded: ${data.summary}`);
    if (!isBuildCurrent()) buildApp((line) => console.log(line));
    webs.push(...(await Promise.all(PORTS.map((port) => startWeb(database.url, port)))));
    const routes = loadRoutes(data.slug);
    // User i is signed in on (and stays with) process ⌊i / routes⌋ mod 2, so that every route
    // is asked of both processes.
    const sessions: Session[] = [];
    // Four at a time: each sign-in is a scrypt of 128 MB on the server.
    for (let start = 0; start < data.emails.length; start += 4) {
      const batch = data.emails.slice(start, start + 4).map(async (email, j) => {
        const web = webs[Math.floor((start + j) / routes.length) % webs.length]!;
        return { web, cookie: await signIn(web.base, email, USER_PASSWORD) };
      });
      sessions.push(...(await Promise.all(batch)));
    }
    console.log(`${sessions.length} users signed in over HTTP on ${webs.map((w) => w.base).join(" and ")}`);
    await checkRoutes(routes, sessions, webs);
    console.log(`running ${sessions.length} connections for ${SECONDS} s …`);
    const { result: results, cpu } = await cpuDuring(database.url, webs, () => runLoad(routes, sessions, SECONDS));
    printTable(results);
    console.log(
      `\nCPU seconds in ${SECONDS} s on ${cpu.cores} cores: web processes ${cpu.web.map((s) => s.toFixed(1)).join(" + ")}, ` +
        `PostgreSQL ${cpu.postgres.toFixed(1)}, load generator ${cpu.generator.toFixed(1)}; ` +
        `the machine was busy ${(cpu.machineBusy * 100).toFixed(0)}% (other work included)`,
    );
    report("load", [
      ...figuresOf(results),
      ...cpu.web.map((s, i) => ({ name: `CPU web process ${i + 1}`, value: s / SECONDS, unit: "cores", goal: null })),
      { name: "CPU PostgreSQL", value: cpu.postgres / SECONDS, unit: "cores", goal: null },
      { name: "CPU load generator", value: cpu.generator / SECONDS, unit: "cores", goal: null },
      { name: "machine busy (all processes)", value: cpu.machineBusy * 100, unit: "%", goal: null },
    ]);
  } finally {
    await Promise.all(webs.map(stopWeb));
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
