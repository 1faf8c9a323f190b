import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { AppError } from "~/server/errors";
import { createAwsClient } from "./clients";
import { classifyAwsError } from "./errors";
import { parseRoleArn } from "./role-arn";

export interface VerifiedRole {
  accountId: string;
  assumedRoleArn: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration?: Date };
}

// AssumeRole with the External ID, then GetCallerIdentity with the temporary credentials: the
// role must exist, trust us with that External ID, and live in the account it claims.
export async function verifyRole(opts: { roleArn: string; externalId: string; sessionName: string }): Promise<VerifiedRole> {
  const role = parseRoleArn(opts.roleArn);
  const sts = createAwsClient("sts", { maxAttempts: 4 });
  let assumed;
  try {
    assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: role.arn,
        ExternalId: opts.externalId,
        RoleSessionName: opts.sessionName,
        DurationSeconds: 900,
      }),
    );
  } catch (error) {
    throw assumeRoleError(error, role.arn);
  } finally {
    sts.destroy();
  }
  const c = assumed.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
    throw new AppError("BAD_REQUEST", "AWS returned no credentials for that role.");
  const credentials = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
  const asRole = createAwsClient("sts", { credentials, maxAttempts: 4 });
  try {
    const identity = await asRole.send(new GetCallerIdentityCommand({}));
    if (identity.Account !== role.accountId) {
      throw new AppError(
        "BAD_REQUEST",
        `The role answered from account ${identity.Account}, not ${role.accountId} as its ARN claims. Check that you pasted the right ARN.`,
        "roleArn",
      );
    }
    return { accountId: role.accountId, assumedRoleArn: identity.Arn ?? "", credentials };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw assumeRoleError(error, role.arn);
  } finally {
    asRole.destroy();
  }
}

function assumeRoleError(error: unknown, roleArn: string): AppError {
  const failure = classifyAwsError(error);
  switch (failure.kind) {
    case "access-denied":
      return new AppError(
        "BAD_REQUEST",
        `AWS refused to let Ladder assume ${roleArn}. Either the role does not exist, or its trust policy does not accept ` +
          "Ladder's principal with this External ID. Create the stack from the template shown here (it sets both), then try again.",
        "roleArn",
      );
    case "throttled":
      return new AppError(
        "TOO_MANY_REQUESTS",
        "AWS STS is throttling requests right now; Ladder retried and gave up. Try again in a minute.",
      );
    case "unreachable":
      return new AppError("BAD_REQUEST", `Ladder cannot reach AWS STS (${failure.code}). Check the network or AWS_ENDPOINT_URL.`);
    case "invalid-credentials":
    case "expired":
      return new AppError(
        "BAD_REQUEST",
        `Ladder's own AWS credentials were refused (${failure.code}). The operator must fix the credentials of the Ladder server.`,
      );
    default:
      return new AppError("BAD_REQUEST", `AWS STS failed: ${failure.code}: ${failure.message}`);
  }
}
