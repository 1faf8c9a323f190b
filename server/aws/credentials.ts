import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { memoize } from "@smithy/property-provider";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { createAwsClient } from "./clients";

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

// The STS client that assumes every customer role, with the app's own identity. One per process:
// a client per role (what the SDK's fromTemporaryCredentials makes) held about 1,000 clients in a
// worker syncing a 1,000-account organisation.
// Both are dropped when the app's AWS configuration changes within the process (a benchmark or a
// test moving to another simulator): credentials from one endpoint mean nothing to another.
let stsClient: STSClient | undefined;
let configuredFor: string | undefined;
const sts = () => (stsClient ??= createAwsClient("sts"));

function forgetOnNewConfiguration(): void {
  const env = process.env;
  const current = [env.AWS_ENDPOINT_URL, env.AWS_ENDPOINT_URL_STS, env.AWS_REGION, env.AWS_ACCESS_KEY_ID, env.AWS_PROFILE].join(
    "\u0000",
  );
  if (current === configuredFor) return;
  configuredFor = current;
  stsClient = undefined;
  providers.clear();
}

export function roleCredentials(session: RoleSession): AwsCredentialIdentityProvider {
  forgetOnNewConfiguration();
  const key = `${session.roleArn}\u0000${session.externalId}`;
  let provider = providers.get(key);
  if (!provider) {
    const assume = async (): Promise<AwsCredentialIdentity> => {
      const { Credentials: c } = await sts().send(
        new AssumeRoleCommand({
          RoleArn: session.roleArn,
          ExternalId: session.externalId,
          RoleSessionName: session.sessionName.slice(0, 64),
          DurationSeconds: session.durationSeconds ?? 3600,
        }),
      );
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole of ${session.roleArn} returned no credentials.`);
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      };
    };
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
