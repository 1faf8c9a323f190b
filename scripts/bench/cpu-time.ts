import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// CPU seconds spent by the processes that share the machine during a sync: this one (the
// workers), the simulator and PostgreSQL. Wall time on a shared 2-core machine swings by 10-15%
// between runs; CPU time shows which part of the system a change made cheaper. Linux only
// (/proc); elsewhere the figures are left out.

export const TICKS_PER_SECOND = 100;

export function ticksOf(pid: number): number {
  try {
    // Fields after the command (which may contain spaces) start at ")"; utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

// A process and everything it started (`ladder start` runs the server as a supervised child).
export function treeTicksOf(root: number): number {
  const pids = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let ticks = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    ticks += ticksOf(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

// The embedded server this process started (server/test/test-database.ts names its folder
// after the process): on a machine shared with other test runs, only its backends count.
function ourPostmaster(): number | undefined {
  const root = path.join(".data", "test-postgres");
  try {
    const folder = readdirSync(root).find((name) => name.startsWith(`${process.pid}-`));
    if (!folder) return undefined;
    return Number(readFileSync(path.join(root, folder, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

function postgresPids(): number[] {
  const postmaster = ourPostmaster();
  try {
    return readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") return false;
          return postmaster === undefined || pid === postmaster || parentOf(pid) === postmaster;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

export interface CpuSnapshot {
  worker: number;
  simulator: number;
  // Per process, so that connections opened during the sync count from zero.
  postgres: Map<number, number>;
}

export function cpuSnapshot(simulatorPid: number | undefined): CpuSnapshot {
  return {
    worker: ticksOf(process.pid),
    simulator: simulatorPid ? ticksOf(simulatorPid) : 0,
    postgres: new Map(postgresPids().map((pid) => [pid, ticksOf(pid)])),
  };
}

// CPU seconds between two snapshots. Postgres backends that ended in between are missed, which
// is why the workers keep their pooled connections for the whole sync.
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot) {
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  return {
    worker: (after.worker - before.worker) / TICKS_PER_SECOND,
    simulator: (after.simulator - before.simulator) / TICKS_PER_SECOND,
    postgres: postgres / TICKS_PER_SECOND,
  };
}
