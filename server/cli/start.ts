import { spawn } from "node:child_process";
import path from "node:path";
import { env, resetEnvCache } from "~/server/env";
import { startWorker } from "~/server/ingest/worker";
import { buildApp, isBuildCurrent } from "./build";
import { ensureAuthSecret, migrate, resolveDatabase } from "./database";
import { redeployDemoStacks, startDemoSimulator } from "./demo";

const log = (line: string) => console.log(`ladder: ${line}`);

// One command for the default set-up: database (embedded unless DATABASE_URL is set),
// migrations, a build when needed, then the Next.js server. Ctrl-C stops everything.
export async function startApp(opts: { dev: boolean }): Promise<void> {
  const e = env();
  const database = await resolveDatabase(e, log);
  let stopping = false;
  const stopDatabase = async () => {
    await database.release().catch((error: unknown) => console.error("ladder: could not stop PostgreSQL:", error));
  };
  try {
    await migrate(database.url, log);
    if (!opts.dev && !isBuildCurrent()) buildApp(log);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const baseUrl = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: ensureAuthSecret(e),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The embedded default is a single-person set-up: its local sign-in stays on unless refused.
  if (database.isEmbedded && process.env.LADDER_ALLOW_LOCAL_LOGIN === undefined) childEnv.LADDER_ALLOW_LOCAL_LOGIN = "1";

  const demo = await startDemoSimulator(database.isEmbedded, log);
  if (demo) {
    // Both the app and the in-process worker talk to the simulator.
    for (const target of [childEnv, process.env]) {
      Object.assign(target, demo.env);
      delete target.AWS_SESSION_TOKEN;
      delete target.AWS_PROFILE;
    }
  }
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  if (demo) await redeployDemoStacks(demo.env.LADDER_SIM_CONTROL_URL);
  // The default set-up runs the background worker here; `npx ladder worker` adds more elsewhere.
  const worker = process.env.LADDER_WORKER_CONCURRENCY === "0" ? undefined : await startWorker();

  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, opts.dev ? "dev" : "start", "-p", String(e.PORT)], {
    env: childEnv,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  child.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready|started server/i.test(text)) {
      log(`Ladder is running at ${baseUrl}`);
      log(
        database.isEmbedded
          ? "Sign in: on first visit, create the owner account on the sign-in page (or run `npx ladder create-user`)."
          : "Sign in with a configured provider (see README: GitHub, Google, OIDC).",
      );
      log("Press Ctrl-C to stop.");
    }
  });

  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    // next start leaves a next-server child: stop the whole process group.
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 0 : 1))));
  await worker?.stop().catch((error: unknown) => console.error("ladder: could not stop the worker:", error));
  await demo?.close();
  await stopDatabase();
  if (!stopping && code !== 0) throw new Error(`The Next.js server exited with code ${code}.`);
  log("stopped.");
}
