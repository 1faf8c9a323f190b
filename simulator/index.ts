import type { AddressInfo } from "node:net";
import { DEFAULT_APP_PRINCIPAL, DEFAULT_SEED, DEFAULT_SIZE } from "./constants";
import type { FaultRule } from "./faults";
import { createSimulatorServer } from "./server";
import { type AppPrincipal, SimulatorState } from "./state";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Number of accounts in the organisation, at least 5; default 12. */
  size?: number;
  /** Fixed lifetime for issued credentials; default is the DurationSeconds the caller asks for. */
  credentialLifetimeSeconds?: number;
  appPrincipal?: AppPrincipal;
  faults?: FaultRule[];
  /** Clock for credential expiry; default real time. */
  clock?: () => Date;
  /** Day the demo data treats as today; default the clock's date. */
  today?: Date;
  /** Check SigV4 signatures, not just the key id; default true. */
  verifySignatures?: boolean;
  /** Register the demo read-only role in every account; default true. */
  demoRoles?: boolean | { externalId?: string; roleName?: string };
}

export interface RunningSimulator {
  url: string;
  port: number;
  state: SimulatorState;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = options.clock ?? (() => new Date());
  const state = new SimulatorState({
    seed: options.seed ?? DEFAULT_SEED,
    size: Math.max(5, options.size ?? DEFAULT_SIZE),
    appPrincipal: options.appPrincipal ?? DEFAULT_APP_PRINCIPAL,
    clock,
    today: options.today ?? clock(),
    credentialLifetimeSeconds: options.credentialLifetimeSeconds,
    verifySignatures: options.verifySignatures ?? true,
  });
  if (options.demoRoles !== false) {
    const demo = typeof options.demoRoles === "object" ? options.demoRoles : {};
    state.registerDemoRoles(demo.externalId, demo.roleName);
  }
  state.setFaults(options.faults ?? []);
  const server = createSimulatorServer(state);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export { SimulatorState } from "./state";
export type { AppPrincipal, RegisterRoleInput } from "./state";
export type { FaultRule } from "./faults";
export * from "./constants";
