import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "~/server/test/fixtures";
import { createOwnerOverHttp, trpcMutation, trpcQuery } from "~/server/test/http-session";
import { childEnv, freePort, runLadder, waitUntil, type LadderProcess } from "~/server/test/processes";
import { buildApp, isBuildCurrent } from "./build";
import { demoDiscoveryPath } from "./demo-discovery";

// `npm start` on the embedded database with its demo, and `npx ladder worker` started beside it
// as the README says: the worker finds the demo's simulator, or refuses to start when it cannot.

const dataDir = path.resolve(".data", `test-demo-beside-${uniqueSuffix()}`);
const elsewhere = `${dataDir}-elsewhere`;
const processes: LadderProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop("SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe("a worker beside npm start", () => {
  it("runs the demo organisation's tasks with npm start's simulator, and refuses to start without one", async () => {
    if (!isBuildCurrent()) buildApp((line) => console.log(line));
    const [port, pgPort, simPort] = [await freePort(), await freePort(), await freePort()];
    const env = childEnv({
      DATABASE_URL: undefined,
      LADDER_DATA_DIR: dataDir,
      LADDER_PG_PORT: String(pgPort),
      LADDER_SIM_PORT: String(simPort),
      PORT: String(port),
      LADDER_DEMO: undefined,
      LADDER_SIM_CONTROL_URL: undefined,
      AWS_ENDPOINT_URL: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      // Only the worker beside it runs tasks.
      LADDER_WORKER_CONCURRENCY: "0",
    });
    const app = runLadder(["start"], env);
    processes.push(app);
    await app.waitFor(/Ladder is running/, 300_000);
    const file = demoDiscoveryPath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const worker = runLadder(["worker", "--concurrency", "2"], env);
    processes.push(worker);
    await worker.waitFor(/Using the demo AWS organisation of `npm start`/);
    await worker.waitFor(/worker running/);

    const base = `http://127.0.0.1:${port}`;
    const cookie = await createOwnerOverHttp(base, `owner-${uniqueSuffix()}@example.test`);
    const workspace = await trpcMutation<{ slug: string }>(
      base,
      "workspaces.create",
      { name: "Demo", slug: `demo-${uniqueSuffix()}` },
      cookie,
    );
    await trpcMutation(base, "accounts.connectDemo", { workspace: workspace.slug }, cookie);
    const started = await trpcMutation<{ id: string; tasks: number }>(base, "sync.start", { workspace: workspace.slug }, cookie);
    const run = await waitUntil(
      () =>
        trpcQuery<{ finishedAt: string | null; tasksDone: number; tasksTotal: number; errors: unknown[] }>(
          base,
          "sync.run",
          { workspace: workspace.slug, runId: started.id },
          cookie,
        ),
      (r) => r.finishedAt !== null,
      "the run to finish",
      300_000,
    );
    expect(run).toMatchObject({ tasksDone: started.tasks, tasksTotal: started.tasks, errors: [] });

    // No simulator answers for this database (a stale file names a closed port): refused at once.
    mkdirSync(elsewhere, { recursive: true });
    const closed = `http://127.0.0.1:${await freePort()}`;
    writeFileSync(demoDiscoveryPath(elsewhere), readFileSync(file, "utf8").replaceAll(`http://127.0.0.1:${simPort}`, closed), {
      mode: 0o600,
    });
    const refused = runLadder(
      ["worker"],
      childEnv({ ...env, DATABASE_URL: `postgresql://ladder:ladder@127.0.0.1:${pgPort}/ladder`, LADDER_DATA_DIR: elsewhere }),
    );
    processes.push(refused);
    expect((await refused.exit()).code).toBe(1);
    expect(refused.output()).toMatch(/use the demo organisation, but its AWS simulator is not running/);
    expect(refused.output()).not.toMatch(/worker running|CredentialsProviderError|\n\s+at /);

    expect((await worker.stop()).code).toBe(0);
    expect((await app.stop()).code).toBe(0);
    expect(() => statSync(file)).toThrow();
  });
});
