import type { Server } from "node:http";
import { env } from "~/server/env";

// How `ladder start` and `ladder worker` stop: on SIGTERM (or SIGINT, SIGHUP) they stop taking
// work, let what they hold finish for most of the grace period, release the rest, and exit 0.
// Their supervisor (server/cli/supervisor.ts) kills them if they are still running when the grace
// period ends. See docs/decisions/0006-processes-and-shutdown.md.

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// What the supervisor must clean up if it has to kill this process.
export interface SupervisorMessage {
  postgresDataDir?: string;
  removeFile?: string;
}

// Resolves on the first stop signal. The listeners stay, so a second signal (a terminal's Ctrl-C
// reaches the supervisor and this process alike) does not end the process mid-shutdown.
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of SIGNALS) process.on(signal, () => resolve(signal));
  });
}

// The time left for work in hand: the grace period less what releasing and closing take.
export function drainMilliseconds(graceSeconds = env().LADDER_SHUTDOWN_GRACE_SECONDS): number {
  const graceMs = graceSeconds * 1000;
  return Math.max(500, graceMs - Math.min(5000, graceMs / 3));
}

// Under a supervisor: report what it must clean up, and die with it if it is killed outright.
export function followSupervisor(): void {
  if (!process.send) return;
  process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
  process.channel?.unref();
}

export function tellSupervisor(message: SupervisorMessage): void {
  process.send?.(message);
}

// Stops accepting connections, lets requests in flight finish until the deadline, then closes
// whatever is still open.
export async function closeHttpServer(server: Server, drainMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(deadline);
  }
}

// Test hook, read only by the shutdown tests: blocks this process's event loop for that many
// seconds once it runs, as a long synchronous computation would, so that signal handlers cannot run.
export function blockEventLoopForTests(): void {
  const seconds = Number(process.env.LADDER_TEST_BLOCK_EVENT_LOOP_SECONDS ?? 0);
  if (!seconds) return;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    // Busy on purpose.
  }
}
