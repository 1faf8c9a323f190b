import { afterAll, beforeAll } from "vitest";
import { DEFAULT_APP_PRINCIPAL, startSimulator, type RunningSimulator, type SimulatorOptions } from "~/simulator";

// Starts the AWS simulator for one test file and points the SDK at it the way users do:
// with AWS_ENDPOINT_URL and the standard credential environment variables.
export function useAwsSimulator(options: SimulatorOptions = {}): { current: RunningSimulator } {
  const holder = {} as { current: RunningSimulator };
  beforeAll(async () => {
    holder.current = await startSimulator(options);
    process.env.AWS_ENDPOINT_URL = holder.current.url;
    process.env.AWS_ACCESS_KEY_ID = DEFAULT_APP_PRINCIPAL.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_APP_PRINCIPAL.secretAccessKey;
    process.env.AWS_REGION = "us-east-1";
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
