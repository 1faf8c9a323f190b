// npm run bench:incidents: the incidents trends, the DORA table, one before/after comparison and the
// Incidents page's whole overview, each against the raw SQL of the same aggregates in this process
// (goal ≤ 1.5×), on 1,000 accounts, two years, 200,000 incident rows and 2,000,000 deployments
// (scripts/bench/incidents-data.ts).
// One embedded PostgreSQL, a fresh database. BENCH_INCIDENTS_ACCOUNTS sets the number of accounts.
import pg from "pg";
import { disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { compareChange } from "~/server/incidents/compare";
import { mergeWorkspaceIncidents } from "~/server/incidents/merge-store";
import { incidentsOverview } from "~/server/incidents/overview";
import { doraTableFor } from "~/server/incidents/dora-table";
import { resolveScope } from "~/server/incidents/scope";
import { incidentsTrends } from "~/server/incidents/trends";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import { writeIncidentRows } from "./incidents-data";
import { rawComparison, rawDora, rawTrends } from "./incidents-sql";
import { report, type Figure } from "./report";

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function bench(accounts: number): Promise<Figure[]> {
  const now = new Date();
  const user = await createLocalUser({ email: "bench-incidents@example.test", name: "Bench", password: "benchmark-password" });
  const workspace = await createWorkspace({ userId: user.id, name: "Bench incidents", slug: "bench-incidents" });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const written = await time(() => writeIncidentRows(client, workspace.id, accounts, now));
    // As the writers do, the same-incident rule applied to what was written (here all at once).
    const merged = await time(() => mergeWorkspaceIncidents(workspace.id));
    // As autovacuum leaves a table at rest: visibility and statistics (VACUUM runs one statement at a time).
    for (const table of ["Incident", "Deployment", "FisExperiment", "AwsAccount"])
      await client.query(`VACUUM ANALYZE "${table}"`);
    console.log(`wrote ${accounts} accounts, 2,000,000 deployments, 200,000 incident rows in ${(written / 1000).toFixed(1)} s`);
    console.log(`merged the same incidents of 200,000 rows in ${(merged / 1000).toFixed(1)} s`);
    const scope = await resolveScope(workspace.id, {}, now);
    const { rows } = await client.query<{ at: Date }>(
      `SELECT min("completedAt") AS at FROM "Deployment" WHERE "awsAccountRef" = 'bench-0' AND "applicationName" = 'svc-0-api'
          AND "deploymentConfig" LIKE '%Canary%' AND creator = 'user'`,
    );
    const at = rows[0]!.at;
    const changeId = `canary:svc-0-api/svc-0-api-prod:${at.toISOString()}`;
    const figures = { trends: [[], []], dora: [[], []], compare: [[], []], overview: [[], []] } as Record<
      string,
      [number[], number[]]
    >;
    for (let i = 0; i < RUNS; i++) {
      console.log(`run ${i + 1} of ${RUNS}`);
      figures.trends![0].push(await time(() => incidentsTrends(scope, now)));
      figures.trends![1].push(await time(() => rawTrends(client, workspace.id, scope.from, scope.to, now)));
      figures.dora![0].push(await time(() => doraTableFor(scope, now)));
      figures.dora![1].push(await time(() => rawDora(client, workspace.id, scope.from, scope.to)));
      figures.compare![0].push(await time(() => compareChange({ workspaceId: workspace.id, changeId, now })));
      figures.compare![1].push(
        await time(() => rawComparison(client, workspace.id, "000000000000", "svc-0", "svc-0-api/svc-0-api-prod", at, 90)),
      );
      // The Incidents page's one call (trend, DORA table, overlays, suggestions) against the raw SQL
      // of its two largest aggregates, the trend's and the DORA table's.
      figures.overview![0].push(await time(() => incidentsOverview({ workspaceId: workspace.id, filters: {}, now })));
      figures.overview![1].push(
        await time(async () => {
          await rawTrends(client, workspace.id, scope.from, scope.to, now);
          await rawDora(client, workspace.id, scope.from, scope.to);
        }),
      );
    }
    const out: Figure[] = [
      { name: "same-incident merge of every row, when written (2 years)", value: merged, unit: "ms", goal: null },
    ];
    for (const [name, [api, sql]] of Object.entries(figures)) {
      const [a, s] = [median(api), median(sql)];
      console.log(`${name}: API ${a.toFixed(0)} ms, raw SQL ${s.toFixed(0)} ms`);
      out.push(
        { name: `${name}, 12 months: API (median of ${RUNS})`, value: a, unit: "ms", goal: null },
        { name: `${name}: raw SQL of its aggregates`, value: s, unit: "ms", goal: null },
        { name: `${name}: API ÷ raw SQL`, value: a / s, unit: "ratio", goal: "<= 1.5" },
      );
    }
    return out;
  } finally {
    await client.end();
  }
}

async function main() {
  const server = await startTestServer();
  let figures: Figure[] = [];
  try {
    const database = await createFreshDatabase(server.adminUrl, "ladder_bench_incidents");
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    await disconnectDb();
    try {
      figures = await bench(Number(process.env.BENCH_INCIDENTS_ACCOUNTS ?? 1000));
    } finally {
      await disconnectDb();
      await database.drop();
    }
  } finally {
    await server.stop();
  }
  report("incidents", figures);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
