import { DEFAULT_APP_PRINCIPAL, DEFAULT_PORT, DEMO_EXTERNAL_ID, DEMO_ROLE_NAME } from "./constants";
import { type RunningSimulator, startSimulator } from "./index";

/** Reads LADDER_SIM_PORT (default 4566), LADDER_SIM_HOST, LADDER_SIM_SEED and LADDER_SIM_SIZE. */
export type SimulatorCliEnv = Record<string, string | undefined>;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got “${value}”`);
  return parsed;
}

/** What `npx ladder simulator` prints: where the simulator listens and how to reach the demo roles. */
export function describeSimulator(sim: RunningSimulator): string {
  const org = sim.state.organization;
  const lines = [
    `Ladder AWS simulator listening on ${sim.url} (seed ${sim.state.seed}, ${org.accounts.length} accounts)`,
    "",
    "Point the AWS SDK at it:",
    `  export AWS_ENDPOINT_URL=${sim.url}`,
    `  export AWS_ACCESS_KEY_ID=${sim.state.appPrincipal.accessKeyId}`,
    `  export AWS_SECRET_ACCESS_KEY=${sim.state.appPrincipal.secretAccessKey}`,
    "  export AWS_REGION=us-east-1",
    "",
    `App principal: ${sim.state.appPrincipal.arn}`,
    `Demo role in every account: ${DEMO_ROLE_NAME}, External ID ${DEMO_EXTERNAL_ID}`,
    `Management (payer) account: ${org.managementAccount.id}`,
    ...org.accounts.slice(0, 20).map((a) => `  arn:aws:iam::${a.id}:role/${DEMO_ROLE_NAME}  ${a.name}`),
  ];
  if (org.accounts.length > 20) lines.push(`  … and ${org.accounts.length - 20} more accounts`);
  return lines.join("\n");
}

export async function runSimulatorCli(
  env: SimulatorCliEnv = process.env,
  log: (text: string) => void = console.log,
): Promise<RunningSimulator> {
  const sim = await startSimulator({
    port: integer(env.LADDER_SIM_PORT, "LADDER_SIM_PORT") ?? DEFAULT_PORT,
    host: env.LADDER_SIM_HOST,
    seed: integer(env.LADDER_SIM_SEED, "LADDER_SIM_SEED"),
    size: integer(env.LADDER_SIM_SIZE, "LADDER_SIM_SIZE"),
  });
  log(describeSimulator(sim));
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return sim;
}

export { DEFAULT_APP_PRINCIPAL };
