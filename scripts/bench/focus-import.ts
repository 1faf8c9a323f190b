// FOCUS import of generated rows in the shape of the AWS fixture (server/focus/fixtures), from a
// CSV file on disk through the real import (parse, check, COPY, replace, totals), against COPY
// of the same rows into the same table in the same run; and the process's peak memory while
// importing. Run alone: `tsx scripts/bench/focus-import.ts` (BENCH_FOCUS_ROWS, default 1,000,000).
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { asyncBufferFromFile } from "hyparquet";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { v7 as timeOrderedId } from "uuid";
import { db, disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { importFocusReport } from "~/server/focus/focus-import.service";
import { FOCUS_ROW_COLUMNS } from "~/server/focus/focus-row";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { report, type Figure } from "./report";

const ROWS = Number(process.env.BENCH_FOCUS_ROWS ?? 1_000_000);
const MB = 1024 * 1024;

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

// Cycles through the fixture's rows, spreading them over 1,000 sub-accounts and the 31 days of
// October, each with its own resource and slightly different amounts.
async function writeExport(file: string, rows: number): Promise<void> {
  const text = readFileSync("server/focus/fixtures/aws-focus-1.2.csv", "utf8");
  const templates = parse(text, { bom: true, columns: false }) as string[][];
  const header = templates.shift()!;
  const at = (name: string) => header.indexOf(name);
  const money = ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"].map(at);
  const [sub, resource, start, end] = ["SubAccountId", "ResourceId", "ChargePeriodStart", "ChargePeriodEnd"].map(at);
  const out = createWriteStream(file);
  out.write(`${header.join(",")}\n`);
  let batch = "";
  for (let i = 0; i < rows; i++) {
    const row = [...templates[i % (templates.length - 1)]!];
    const day = 1 + (i % 30);
    row[sub!] = String(100000000000 + (i % 1000));
    row[resource!] = `i-${(0x10000000 + i).toString(16)}`;
    row[start!] = `2026-10-${String(day).padStart(2, "0")}T00:00:00Z`;
    row[end!] = `2026-10-${String(day + 1).padStart(2, "0")}T00:00:00Z`;
    for (const m of money) if (row[m]) row[m] = (Number(row[m]) * (1 + (i % 97) / 1000)).toFixed(6);
    batch += `${row.map(quote).join(",")}\n`;
    if (batch.length > MB) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
}

function sampleMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / MB;
    },
  };
}

export async function benchFocusImport(adminUrl?: string): Promise<Figure[]> {
  const server = adminUrl ? undefined : await startTestServer();
  const database = await createFreshDatabase(adminUrl ?? server!.adminUrl, "ladder_bench_focus");
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  await disconnectDb();
  const dir = mkdtempSync(path.join(tmpdir(), "ladder-bench-focus-"));
  const csv = path.join(dir, "export.csv");
  const copyText = path.join(dir, "rows.copy");
  const client = new pg.Client({ connectionString: database.url });
  try {
    console.log(`\nFOCUS import: writing ${ROWS} rows …`);
    await writeExport(csv, ROWS);
    const sizeBytes = statSync(csv).size;
    const workspace = await db.workspace.create({ data: { name: "FOCUS bench", slug: "focus-bench" } });
    const uploadId = timeOrderedId();

    global.gc?.();
    const baseline = process.memoryUsage().rss / MB;
    const memory = sampleMemory();
    let started = performance.now();
    const result = await importFocusReport({
      id: uploadId,
      uploader: { workspaceId: workspace.id, role: "editor" },
      filename: "export.csv",
      sizeBytes,
      input: {
        source: () => createReadStream(csv, { highWaterMark: 1 << 20 }),
        openRandom: () => asyncBufferFromFile(csv),
      },
    });
    const importSeconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    if (result.counts.rows !== ROWS) throw new Error(`imported ${result.counts.rows} rows, not ${ROWS}`);

    // The same rows as COPY text, then into the same (emptied) table with COPY alone.
    await client.connect();
    const columns = FOCUS_ROW_COLUMNS.map((c) => `"${c}"`).join(", ");
    await pipeline(
      client.query(copyTo(`COPY (SELECT ${columns} FROM "FocusCostRow" WHERE "uploadId" = '${uploadId}') TO STDOUT`)),
      createWriteStream(copyText),
    );
    await client.query(`TRUNCATE "FocusCostRow"`);
    await client.query(`VACUUM ANALYZE "FocusCostRow"`);
    started = performance.now();
    await pipeline(
      createReadStream(copyText, { highWaterMark: 1 << 20 }),
      client.query(copyFrom(`COPY "FocusCostRow" (${columns}) FROM STDIN`)),
    );
    const copySeconds = (performance.now() - started) / 1000;

    const rowsPerSecond = ROWS / importSeconds;
    console.log(
      `FOCUS import: ${ROWS} rows (${(sizeBytes / MB).toFixed(0)} MB CSV) in ${importSeconds.toFixed(1)} s; COPY ${copySeconds.toFixed(1)} s; ` +
        `RSS ${baseline.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak`,
    );
    return [
      { name: `FOCUS import ${ROWS} rows`, value: rowsPerSecond, unit: "rows/s", goal: null },
      { name: "FOCUS import COPY of the same rows", value: ROWS / copySeconds, unit: "rows/s", goal: null },
      { name: "FOCUS import rows/s vs COPY", value: copySeconds / importSeconds, unit: "×", goal: ">= 0.5" },
      { name: "FOCUS import peak memory (process RSS)", value: peak, unit: "MB", goal: "< 512" },
    ];
  } finally {
    await client.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await disconnectDb();
    await database.drop().catch(() => undefined);
    await server?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchFocusImport().then(
    (figures) => {
      report("focus-import", figures);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
