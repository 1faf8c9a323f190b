import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { db } from "~/server/db";

// Where a sync's CPU goes, for studying it (issue 17): BENCH_CPU_PROF=<folder> writes a V8 CPU
// profile of this process (the workers) per measured sync, and BENCH_PG_STATEMENTS=1 starts
// PostgreSQL with pg_stat_statements and prints its statements by time per sync. Both cost CPU
// themselves: compare figures of runs without them. `tsx scripts/bench/profile-summary.ts <file>`
// sums a profile by package.

const PROFILE_DIR = process.env.BENCH_CPU_PROF;
export const HAS_STATEMENTS = process.env.BENCH_PG_STATEMENTS === "1";

// BENCH_PG_SETTINGS="name=value;name=value" adds server settings, e.g. auto_explain's.
export function statementSettings(): Record<string, string> | undefined {
  const extra = Object.fromEntries(
    (process.env.BENCH_PG_SETTINGS ?? "")
      .split(";")
      .filter((s) => s.includes("="))
      .map((s) => [s.slice(0, s.indexOf("=")).trim(), s.slice(s.indexOf("=") + 1).trim()]),
  );
  if (!HAS_STATEMENTS) return Object.keys(extra).length ? extra : undefined;
  return { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all", ...extra };
}

export interface Profiling {
  stop(): Promise<void>;
}

export async function startProfiling(name: string): Promise<Profiling> {
  let session: Session | undefined;
  if (PROFILE_DIR) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  if (HAS_STATEMENTS) {
    await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await db.$queryRawUnsafe("SELECT pg_stat_statements_reset()");
  }
  return {
    stop: async () => {
      if (session && PROFILE_DIR) {
        const { profile } = await session.post("Profiler.stop");
        session.disconnect();
        mkdirSync(PROFILE_DIR, { recursive: true });
        const file = path.join(PROFILE_DIR, `${name.replace(/\W+/g, "-")}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        console.log(`${name}: CPU profile in ${file}`);
      }
      if (HAS_STATEMENTS) await printStatements(name);
    },
  };
}

interface StatementRow {
  query: string;
  calls: number;
  rows: number;
  ms: number;
}

async function printStatements(name: string) {
  const rows = await db.$queryRawUnsafe<StatementRow[]>(`
    SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query, calls::float8 AS calls,
           rows::float8 AS rows, total_exec_time::float8 AS ms
      FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
     ORDER BY total_exec_time DESC LIMIT 40`);
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  console.log(`\n${name}: statements by execution time (top 40, ${(total / 1000).toFixed(1)} s)`);
  for (const r of rows)
    console.log(
      `${(r.ms / 1000).toFixed(2).padStart(7)} s ${String(r.calls).padStart(7)} calls ${String(r.rows).padStart(8)} rows  ${r.query}`,
    );
}
