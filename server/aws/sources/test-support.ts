import { readFileSync } from "node:fs";
import { DEMO_EXTERNAL_ID, DEMO_ROLE_NAME, type RunningSimulator } from "~/simulator";
import { roleCredentials } from "../credentials";
import { classifyAwsError } from "../errors";
import type { FetchContext } from "./types";

export interface RecordingContext extends FetchContext {
  /** "service:Operation" for every HTTP attempt the fetchers made. */
  calls: string[];
}

/** A context that assumes the demo role in `accountId`, the way ingestion jobs will. */
export function demoContext(sim: RunningSimulator, accountId: string, region = "us-east-1"): RecordingContext {
  const calls: string[] = [];
  return {
    accountId,
    region,
    credentials: roleCredentials({
      roleArn: `arn:aws:iam::${accountId}:role/${DEMO_ROLE_NAME}`,
      externalId: DEMO_EXTERNAL_ID,
      sessionName: "ladder-sources-test",
    }),
    onRequest: (service, operation) => calls.push(`${service}:${operation}`),
    calls,
  };
}

export function countCalls(ctx: RecordingContext, operation: string): number {
  return ctx.calls.filter((c) => c.endsWith(`:${operation}`)).length;
}

/** Runs `call` with a one-shot fault and returns what it threw. */
export async function failureWith(
  sim: RunningSimulator,
  fault: { service: string; action: string },
  call: () => Promise<unknown>,
): Promise<{ name: string; kind: string }> {
  const id = sim.state.addFault({ kind: "access-denied", ...fault, times: 1 });
  try {
    await call();
  } catch (error) {
    return { name: (error as Error).name, kind: classifyAwsError(error).kind };
  } finally {
    sim.state.faults.remove(id);
  }
  throw new Error("expected the call to fail");
}

/** Adds a fault that throttles the next two calls of `action`, runs `call`, and removes the fault. */
export async function withThrottling<T>(
  sim: RunningSimulator,
  fault: { service: string; action: string },
  call: () => Promise<T>,
): Promise<{ result: T; throttled: number }> {
  const id = sim.state.addFault({ kind: "throttle", ...fault, times: 2 });
  try {
    const result = await call();
    const throttled = sim.state.faults.list().find((f) => f.id === id)?.applied ?? 0;
    return { result, throttled };
  } finally {
    sim.state.faults.remove(id);
  }
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<{ records: T[]; pages: number }> {
  const records: T[] = [];
  let count = 0;
  for await (const page of pages) {
    records.push(...page);
    count++;
  }
  return { records, pages: count };
}

/** Exact decimal arithmetic on AWS amount strings, scaled to 10^-12, so tests never go through floats. */
const SCALE = 12;
export function toScaled(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal: ${amount}`);
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > SCALE) throw new Error(`more than ${SCALE} decimals: ${amount}`);
  const value = BigInt(whole + fraction.padEnd(SCALE, "0"));
  return sign === "-" ? -value : value;
}

export function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE + 1, "0");
  const text = `${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`.replace(/\.?0+$/, "");
  return negative ? `-${text}` : text;
}

export function sumDecimals(amounts: Iterable<string>): string {
  let total = 0n;
  for (const a of amounts) total += toScaled(a);
  return fromScaled(total);
}

/** A real AWS response from the shared samples folder (../shared/samples beside the repository). */
export function readSample(relativePath: string): string {
  return readFileSync(new URL(`../../../../shared/samples/${relativePath}`, import.meta.url), "utf8");
}
