// npm run bench:finops: the FinOps overview API against the raw SQL of its aggregates on
// 1,000 accounts × 13 months (goal ≤ 1.5×), and the FOCUS import of 1,000,000 rows against COPY
// of the same rows (goal ≥ 0.5×, peak memory < 512 MB). One embedded PostgreSQL, a fresh
// database for each part. BENCH_FINOPS_ACCOUNTS sets the number of accounts.
import { db, disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { benchFinopsApi } from "./finops-api";
import { benchFocusImport } from "./focus-import";
import { report, type Figure } from "./report";

async function main() {
  const server = await startTestServer();
  const figures: Figure[] = [];
  try {
    // The import first: its peak memory is this process's, before the API part grows the heap.
    figures.push(...(await benchFocusImport(server.adminUrl)));
    const database = await createFreshDatabase(server.adminUrl, "ladder_bench_finops");
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    await disconnectDb();
    try {
      figures.push(...(await benchFinopsApi(Number(process.env.BENCH_FINOPS_ACCOUNTS ?? 1000))));
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  } finally {
    await server.stop();
  }
  report("finops", figures);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
