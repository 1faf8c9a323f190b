import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { createAwsClient } from "./clients";
import { classifyAwsError } from "./errors";

// Ladder's own identity (from the standard credential chain) is what customers' roles trust.
let cached: Promise<string> | undefined;

export function appPrincipalArn(): Promise<string> {
  const configured = env().LADDER_AWS_PRINCIPAL_ARN;
  if (configured) return Promise.resolve(toTrustableArn(configured));
  cached ??= readOwnIdentity().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readOwnIdentity(): Promise<string> {
  const sts = createAwsClient("sts", { maxAttempts: 3 });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return toTrustableArn(identity.Arn ?? "");
  } catch (error) {
    const failure = classifyAwsError(error);
    throw new AppError(
      "BAD_REQUEST",
      `Ladder cannot tell which AWS identity it runs as (${failure.code}). The operator must give the server AWS credentials ` +
        "(instance role, AWS_PROFILE or AWS_ACCESS_KEY_ID) or set LADDER_AWS_PRINCIPAL_ARN.",
    );
  } finally {
    sts.destroy();
  }
}

// A trust policy names roles, not sessions: arn:aws:sts::1:assumed-role/R/s → arn:aws:iam::1:role/R.
export function toTrustableArn(arn: string): string {
  const assumed = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : arn;
}
