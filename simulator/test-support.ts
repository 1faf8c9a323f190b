import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { DEFAULT_APP_PRINCIPAL, DEMO_EXTERNAL_ID, DEMO_ROLE_NAME } from "./constants";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "./index";

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const appCredentials: TestCredentials = {
  accessKeyId: DEFAULT_APP_PRINCIPAL.accessKeyId,
  secretAccessKey: DEFAULT_APP_PRINCIPAL.secretAccessKey,
};

/** Client settings that point an unmodified SDK client at the simulator. */
export function clientConfig(sim: RunningSimulator, credentials: TestCredentials = appCredentials, maxAttempts = 1) {
  return { endpoint: sim.url, region: "us-east-1", credentials, maxAttempts };
}

export async function assumeDemoRole(
  sim: RunningSimulator,
  accountId: string,
  externalId = DEMO_EXTERNAL_ID,
): Promise<TestCredentials> {
  const sts = new STSClient(clientConfig(sim));
  const result = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${DEMO_ROLE_NAME}`,
      RoleSessionName: "ladder-test",
      ExternalId: externalId,
    }),
  );
  const c = result.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ seed: 7, ...options });
}

/** Runs a call that must fail and hands back the error for assertions. */
export async function captureError(
  call: () => Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`non-Error thrown: ${String(error)}`);
  }
  throw new Error("expected the call to fail");
}
