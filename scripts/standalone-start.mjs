// The container's web command (`node web/start.mjs`), copied beside the standalone server.js by
// scripts/assemble-standalone.mjs. Next.js' server stops taking connections on SIGTERM, finishes
// the requests it holds and then exits 143 on purpose; a stop asked for is a clean stop here, so
// that exit becomes 0. Like `ladder start` (docs/decisions/0006-processes-and-shutdown.md), a
// server that has not stopped within LADDER_SHUTDOWN_GRACE_SECONDS (default 30) is killed, exit 1.
// Plain JavaScript without dependencies: the image's web folder holds no TypeScript tooling.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
const graceSeconds = Number(process.env.LADDER_SHUTDOWN_GRACE_SECONDS ?? 30);
if (!Number.isFinite(graceSeconds) || graceSeconds <= 0) {
  console.error(
    `ladder: LADDER_SHUTDOWN_GRACE_SECONDS must be a positive number of seconds, not "${process.env.LADDER_SHUTDOWN_GRACE_SECONDS}".`,
  );
  process.exit(2);
}

const server = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL("./server.js", import.meta.url))], {
  stdio: "inherit",
});
let asked = null;
let killedAfterGrace = false;
const pass = (signal) => {
  if (server.exitCode !== null || server.signalCode !== null) return;
  asked ??= signal;
  server.kill(signal);
  setTimeout(() => {
    killedAfterGrace = true;
    console.error(`ladder: the web server (pid ${server.pid}) did not stop within ${graceSeconds} s of ${signal}; killing it.`);
    server.kill("SIGKILL");
  }, graceSeconds * 1000).unref();
};
for (const signal of SIGNALS) process.on(signal, pass);

server.once("exit", (code) => {
  if (killedAfterGrace) process.exit(1);
  // 128 + the signal's number: what Next.js exits with after a graceful stop it was asked for.
  const graceful = asked !== null && (code === 0 || code === 128 + constants.signals[asked]);
  process.exit(graceful ? 0 : (code ?? 1));
});
