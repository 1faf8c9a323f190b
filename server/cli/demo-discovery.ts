import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDemoInUse } from "~/server/accounts/demo.service";
import { resetEnvCache, type Env } from "~/server/env";
import { AppError } from "~/server/errors";

// `npm start` runs the demo's AWS simulator in its own process and tells its own worker where it
// is through the environment. A `ladder worker` started beside it learns the same from a file in
// the data folder, readable by its owner only (it holds the simulator's credentials), written
// while the simulator runs and removed when it stops.

export type DemoEnv = {
  AWS_ENDPOINT_URL: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_REGION: string;
  LADDER_DEMO: string;
  LADDER_SIM_CONTROL_URL: string;
};

interface DiscoveryFile {
  database: string;
  env: DemoEnv;
}

export const demoDiscoveryPath = (dataDir: string) => path.resolve(dataDir, "demo-simulator.json");

// The database a file belongs to, without its credentials.
function databaseKey(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port}${u.pathname}`;
}

export function writeDemoDiscovery(dataDir: string, databaseUrl: string, env: DemoEnv): string {
  mkdirSync(dataDir, { recursive: true });
  const file = demoDiscoveryPath(dataDir);
  const content: DiscoveryFile = { database: databaseKey(databaseUrl), env };
  writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function removeDemoDiscovery(file: string): void {
  rmSync(file, { force: true });
}

export async function isSimulatorAnswering(controlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL("/_simulator/organization", controlUrl), { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

// The demo of an `npm start` on the same data folder and database, if its simulator answers.
export async function readDemoDiscovery(dataDir: string, databaseUrl: string): Promise<DemoEnv | undefined> {
  const file = demoDiscoveryPath(dataDir);
  if (!existsSync(file)) return undefined;
  let found: DiscoveryFile;
  try {
    found = JSON.parse(readFileSync(file, "utf8")) as DiscoveryFile;
  } catch {
    return undefined;
  }
  if (found.database !== databaseKey(databaseUrl)) return undefined;
  return (await isSimulatorAnswering(found.env.LADDER_SIM_CONTROL_URL)) ? found.env : undefined;
}

export function applyDemoEnv(env: DemoEnv): void {
  Object.assign(process.env, env);
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  resetEnvCache();
}

const WITHOUT_DEMO = "set LADDER_DEMO=0 to run this worker without the demo's tasks";

// A worker finds the demo the way `npm start`'s own worker does, or refuses to start: without the
// simulator every demo task would fail on missing credentials, retried until its limit.
export async function findDemoForWorker(e: Env, databaseUrl: string, log: (line: string) => void): Promise<void> {
  if (process.env.LADDER_DEMO === "0") return;
  if (e.LADDER_DEMO && e.LADDER_SIM_CONTROL_URL) {
    if (await isSimulatorAnswering(e.LADDER_SIM_CONTROL_URL)) return;
    throw new AppError(
      "BAD_REQUEST",
      `The demo AWS simulator at ${e.LADDER_SIM_CONTROL_URL} (LADDER_SIM_CONTROL_URL) does not answer: start it, or ${WITHOUT_DEMO}.`,
    );
  }
  const beside = await readDemoDiscovery(e.LADDER_DATA_DIR, databaseUrl);
  if (beside) {
    applyDemoEnv(beside);
    log(`Using the demo AWS organisation of \`npm start\` (simulator on ${beside.LADDER_SIM_CONTROL_URL}).`);
    return;
  }
  if (await isDemoInUse()) {
    throw new AppError(
      "BAD_REQUEST",
      "Workspaces in this database use the demo organisation, but its AWS simulator is not running: start `npm start` " +
        "on the same data folder first, or point LADDER_SIM_CONTROL_URL and AWS_ENDPOINT_URL at a running " +
        `\`ladder simulator\` with LADDER_DEMO=1, or ${WITHOUT_DEMO}.`,
    );
  }
}
