import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { memoize } from "@smithy/property-provider";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { DEFAULT_AWS_REGION, sharedAgents } from "./clients";

export interface RoleSession {
  roleArn: string;
  externalId: string;
  // Readable in the customer's CloudTrail: who assumed the role and why.
  sessionName: string;
  durationSeconds?: number;
}

// One provider per role and External ID, shared by every client for that account: the
// temporary credentials are kept and the role is assumed again five minutes before expiry.
const REFRESH_BEFORE_MS = 5 * 60_000;
const expiresSoon = (c: AwsCredentialIdentity) =>
  c.expiration !== undefined && c.expiration.getTime() - Date.now() < REFRESH_BEFORE_MS;
const expires = (c: AwsCredentialIdentity) => c.expiration !== undefined;
const providers = new Map<string, AwsCredentialIdentityProvider>();

export function roleCredentials(session: RoleSession): AwsCredentialIdentityProvider {
  const key = `${session.roleArn}\u0000${session.externalId}`;
  let provider = providers.get(key);
  if (!provider) {
    const assume = fromTemporaryCredentials({
      params: {
        RoleArn: session.roleArn,
        ExternalId: session.externalId,
        RoleSessionName: session.sessionName.slice(0, 64),
        DurationSeconds: session.durationSeconds ?? 3600,
      },
      clientConfig: { region: process.env.AWS_REGION ?? DEFAULT_AWS_REGION, requestHandler: sharedAgents },
    });
    provider = memoize(assume, expiresSoon, expires);
    providers.set(key, provider);
  }
  return provider;
}

export function forgetRoleCredentials(roleArn?: string): void {
  for (const key of providers.keys()) if (!roleArn || key.startsWith(`${roleArn}\u0000`)) providers.delete(key);
}

export function sessionNameFor(purpose: string, workspaceSlug: string): string {
  return `ladder-${purpose}-${workspaceSlug}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
}
