import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { db, disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { upsertRows } from "~/server/ingest/upsert";
import { createFreshDatabase } from "~/server/test/test-database";
import type { Figure } from "./report";

const ROWS = Number(process.env.BENCH_COPY_ROWS ?? 200_000);

// The same daily-cost rows written twice into the same table of the same Postgres: once through
// the ingestion upsert, once with COPY (the fastest way in), so the ratio shows the upsert's cost.
export async function compareUpsertWithCopy(adminUrl: string): Promise<Figure[]> {
  const database = await createFreshDatabase(adminUrl, "ladder_bench_copy");
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  await disconnectDb();
  try {
    const workspace = await db.workspace.create({ data: { name: "Copy", slug: "copy-bench" } });
    const ref = async (accountId: string) =>
      (await db.awsAccount.create({ data: { workspaceId: workspace.id, kind: "account", externalId: randomUUID(), accountId } }))
        .id;
    const upsertRef = await ref("111111111111");
    const copyRef = await ref("222222222222");
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      day: new Date(Date.UTC(2025, 0, 1) + (i % 395) * 86_400_000).toISOString().slice(0, 10),
      accountId: String(100000000000 + Math.floor(i / 395 / 20)),
      service: `Service ${Math.floor(i / 395) % 20}`,
      unblended: ((i % 9973) / 7).toFixed(6),
      amortized: ((i % 9967) / 7).toFixed(6),
      currency: "USD",
      estimated: false,
    }));

    console.log(`\nupsert vs COPY: ${ROWS} rows …`);
    let started = performance.now();
    await upsertRows(
      "CostDaily",
      ["awsAccountRef", "day", "accountId", "service"],
      rows.map((r) => ({ awsAccountRef: upsertRef, ...r })),
      "bench",
    );
    const upsertSeconds = (performance.now() - started) / 1000;

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    started = performance.now();
    const csv = Readable.from(
      (function* () {
        for (const r of rows) {
          yield `${copyRef},${r.day},${r.accountId},${r.service},${r.unblended},${r.amortized},${r.currency},${r.estimated},bench\n`;
        }
      })(),
    );
    await pipeline(
      csv,
      client.query(
        copyFrom(
          `COPY "CostDaily" ("awsAccountRef", "day", "accountId", "service", "unblended", "amortized", "currency", "estimated", "lastSeenRunId") FROM STDIN WITH (FORMAT csv)`,
        ),
      ),
    );
    const copySeconds = (performance.now() - started) / 1000;
    await client.end();
    return [
      { name: "upsert rows per second", value: ROWS / upsertSeconds, unit: "rows/s", goal: null },
      { name: "COPY rows per second", value: ROWS / copySeconds, unit: "rows/s", goal: null },
      { name: "upsert / COPY throughput", value: copySeconds / upsertSeconds, unit: "ratio", goal: null },
    ];
  } finally {
    await disconnectDb();
    await database.drop();
  }
}
