import { createServer } from "node:http";
import { takeOverShutdownSignals } from "~/server/db/embedded";
import { env, isLocalLoginAllowed, resetEnvCache } from "~/server/env";
import { AppError } from "~/server/errors";
import { startWorker } from "~/server/ingest/worker";
import { buildApp, isBuildCurrent } from "./build";
import { ensureAuthSecret, migrate, resolveDatabase } from "./database";
import { redeployDemoStacks, startDemoSimulator } from "./demo";
import { missingProductionSettings } from "./production-settings";
import { removeDemoDiscovery, applyDemoEnv, writeDemoDiscovery } from "./demo-discovery";
import {
  blockEventLoopForTests,
  closeHttpServer,
  drainMilliseconds,
  followSupervisor,
  shutdownSignal,
  tellSupervisor,
} from "./shutdown";

const log = (line: string) => console.log(`ladder: ${line}`);

// One command for the default set-up: database (embedded unless DATABASE_URL is set),
// migrations, a build when needed, the worker, then Next.js, all in this one process, so
// Ctrl-C (or a kill) stops everything and nothing is left behind.
export async function startApp(opts: { dev: boolean }): Promise<void> {
  followSupervisor();
  const stopSignal = shutdownSignal();
  const e = env();
  const missing = missingProductionSettings(e, opts);
  if (missing) throw new AppError("BAD_REQUEST", missing);
  const database = await resolveDatabase(e, log);
  takeOverShutdownSignals();
  const stopDatabase = () =>
    database.release().catch((error: unknown) => console.error("ladder: could not stop PostgreSQL:", error));
  try {
    await migrate(database.url, log);
    if (!opts.dev && !isBuildCurrent()) buildApp(log);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const baseUrl = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: ensureAuthSecret(e),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: opts.dev ? "development" : "production",
  });
  // The embedded default is a single-person set-up: its local sign-in stays on unless refused.
  if (database.isEmbedded && process.env.LADDER_ALLOW_LOCAL_LOGIN === undefined) process.env.LADDER_ALLOW_LOCAL_LOGIN = "1";

  const demo = await startDemoSimulator(database.isEmbedded, log);
  // Workers started beside this one (`npx ladder worker`) find the demo through this file.
  let discoveryFile: string | undefined;
  if (demo) {
    applyDemoEnv(demo.env);
    discoveryFile = writeDemoDiscovery(e.LADDER_DATA_DIR, database.url, demo.env);
    tellSupervisor({ removeFile: discoveryFile });
  }
  resetEnvCache();
  if (demo) await redeployDemoStacks(demo.env.LADDER_SIM_CONTROL_URL);
  // The default set-up runs the background worker here; `npx ladder worker` adds more elsewhere.
  const worker = process.env.LADDER_WORKER_CONCURRENCY === "0" ? undefined : await startWorker();

  const { default: next } = await import("next");
  const app = next({ dev: opts.dev, dir: process.cwd(), port: e.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.PORT, () => resolve());
  });
  log(`Ladder is running at ${baseUrl}`);
  log(
    isLocalLoginAllowed()
      ? "Sign in: on first visit, create the owner account on the sign-in page (or run `npx ladder create-user`)."
      : "Sign in with a configured provider (see README: GitHub, Google, OIDC).",
  );
  log("Press Ctrl-C to stop.");

  blockEventLoopForTests();

  const signal = await stopSignal;
  log(`${signal}: stopping (requests and tasks in hand get ${env().LADDER_SHUTDOWN_GRACE_SECONDS} s at most) …`);
  const drainMs = drainMilliseconds();
  await Promise.all([
    closeHttpServer(server, drainMs),
    worker?.stop({ drainMs }).catch((error: unknown) => console.error("ladder: could not stop the worker:", error)),
  ]);
  await app.close?.();
  if (discoveryFile) removeDemoDiscovery(discoveryFile);
  await demo?.close();
  await stopDatabase();
  log("stopped.");
}
