// Where the load test's CPU went: each web process, this database's PostgreSQL processes (its
// backends and background processes, not other clusters on the machine), this process (the load
// generator), and how busy the whole machine was, since other work shares its cores. Linux /proc.
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import pg from "pg";
import { ticksOf, treeTicksOf, TICKS_PER_SECOND } from "./cpu-time";
import type { WebProcess } from "./load-web";

async function postgresPids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity`);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

export async function cpuDuring<T>(databaseUrl: string, webs: WebProcess[], work: () => Promise<T>) {
  const webBefore = webs.map((w) => treeTicksOf(w.child.pid!));
  const pgBefore = new Map((await postgresPids(databaseUrl)).map((pid) => [pid, ticksOf(pid)]));
  const machineBefore = machineTicks();
  const generatorBefore = process.cpuUsage();
  const result = await work();
  const generator = process.cpuUsage(generatorBefore);
  const machineAfter = machineTicks();
  let postgres = 0;
  // Pooled connections stay open through the run; one that ended in between is missed.
  for (const pid of await postgresPids(databaseUrl)) postgres += ticksOf(pid) - (pgBefore.get(pid) ?? 0);
  return {
    result,
    cpu: {
      cores: availableParallelism(),
      // The supervisor and the server it runs; a child that ended in between is missed.
      web: webs.map((w, i) => (treeTicksOf(w.child.pid!) - webBefore[i]!) / TICKS_PER_SECOND),
      postgres: postgres / TICKS_PER_SECOND,
      generator: (generator.user + generator.system) / 1e6,
      machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
    },
  };
}
