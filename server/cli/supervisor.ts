import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "~/server/env";
import type { SupervisorMessage } from "./shutdown";

// `ladder start` and `ladder worker` run as a child of this small process, which holds no work of
// its own: it passes stop signals on, and kills the child if it has not stopped when the grace
// period ends, which it cannot do itself while a long computation blocks its event loop.
// See docs/decisions/0006-processes-and-shutdown.md.

export const SUPERVISED_CHILD_VARIABLE = "LADDER_SUPERVISED_CHILD";
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const log = (line: string) => console.error(`ladder: ${line}`);

export async function supervise(args: string[]): Promise<number> {
  const graceSeconds = env().LADDER_SHUTDOWN_GRACE_SECONDS;
  const bin = fileURLToPath(new URL("../../bin/ladder.mjs", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, bin, ...args], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [SUPERVISED_CHILD_VARIABLE]: "1" },
  });
  const cleanup: SupervisorMessage[] = [];
  child.on("message", (message: SupervisorMessage) => cleanup.push(message));

  let killedAfterGrace = false;
  let deadline: NodeJS.Timeout | undefined;
  const pass = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    deadline ??= setTimeout(() => {
      killedAfterGrace = true;
      log(`${args[0]} (pid ${child.pid}) did not stop within ${graceSeconds} s of ${signal}; killing it.`);
      child.kill("SIGKILL");
    }, graceSeconds * 1000);
  };
  for (const signal of SIGNALS) process.on(signal, pass);

  const [code] = (await new Promise((resolve) => child.once("exit", (...result) => resolve(result)))) as [
    number | null,
    NodeJS.Signals | null,
  ];
  clearTimeout(deadline);
  for (const signal of SIGNALS) process.off(signal, pass);
  if (killedAfterGrace || code === null) await cleanUpAfter(cleanup);
  if (killedAfterGrace) return 1;
  return code ?? 1;
}

// A child killed outright leaves its embedded PostgreSQL running and its files behind.
async function cleanUpAfter(messages: SupervisorMessage[]): Promise<void> {
  for (const message of messages) {
    if (message.removeFile) rmSync(message.removeFile, { force: true });
    if (message.postgresDataDir) await stopPostgres(message.postgresDataDir);
  }
}

async function stopPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    // A fast shutdown: sessions are ended, the data is written out.
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000 && isRunning(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
