import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { type AwsClient, type AwsService, createAwsClient } from "../clients";

export interface FetchContext {
  credentials: AwsCredentialIdentityProvider | { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The account whose credentials these are. */
  accountId: string;
  region?: string;
  /** Passed to createAwsClient, so a run can count (and, for Cost Explorer, price) every HTTP attempt. */
  onRequest?: (service: AwsService, operation: string) => void;
  /** Checked between pages: an aborted run stops at the next page boundary. */
  signal?: AbortSignal;
}

/** Every per-account record says where it came from, so the DB layer can key and scope it. */
export interface AccountScope {
  accountId: string;
  region: string;
}

export function regionOf(ctx: FetchContext): string {
  return ctx.region ?? process.env.AWS_REGION ?? "us-east-1";
}

export function scopeOf(ctx: FetchContext): AccountScope {
  return { accountId: ctx.accountId, region: regionOf(ctx) };
}

export function clientFor<S extends AwsService>(ctx: FetchContext, service: S, region = regionOf(ctx)): AwsClient<S> {
  return createAwsClient(service, { credentials: ctx.credentials, region, onRequest: ctx.onRequest });
}

/**
 * Runs `run` with a fresh client and always destroys it, so sockets never outlive a fetch.
 * Generators do the same with try/finally, which also runs when a consumer stops early.
 */
export async function withClient<S extends AwsService, T>(
  ctx: FetchContext,
  service: S,
  run: (client: AwsClient<S>) => Promise<T>,
  region?: string,
): Promise<T> {
  const client = clientFor(ctx, service, region);
  try {
    return await run(client);
  } finally {
    client.destroy();
  }
}

export function checkAborted(ctx: FetchContext): void {
  ctx.signal?.throwIfAborted();
}
