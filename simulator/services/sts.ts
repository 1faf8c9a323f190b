import { SERVICES } from "../catalog";
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from "../constants";
import { SimError } from "../errors";
import type { Principal, RoleRecord } from "../principals";
import { awsQueryProtocol } from "../protocols/aws-query";
import type { Input } from "./input";
import type { CallContext, ServiceImpl } from "./types";

const DEFAULT_DURATION_SECONDS = 3600;
const CHAINED_SESSION_LIMIT_SECONDS = 3600;

function validation(message: string): SimError {
  return new SimError("ValidationError", message, 400);
}

function isTrusted(role: RoleRecord, caller: Principal): boolean {
  const trusted = role.trustedPrincipalArn;
  if (trusted === caller.arn || trusted === `arn:aws:iam::${caller.accountId}:root`) return true;
  // A trust policy names a role by its IAM ARN; the caller presents its assumed-role session ARN.
  return caller.kind === "role" && trusted === `arn:aws:iam::${caller.accountId}:role/${caller.roleName}`;
}

function assumeRole(input: Input, context: CallContext): unknown {
  const roleArn = input.requiredString("RoleArn");
  const sessionName = input.requiredString("RoleSessionName");
  if (sessionName.length < 2 || sessionName.length > 64) {
    const bound = sessionName.length < 2 ? "greater than or equal to 2" : "less than or equal to 64";
    throw validation(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  if (!/^[\w+=,.@-]+$/.test(sessionName)) {
    throw validation(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const duration = input.number("DurationSeconds") ?? DEFAULT_DURATION_SECONDS;
  if (duration < MIN_SESSION_SECONDS || duration > MAX_SESSION_SECONDS) {
    const bound =
      duration < MIN_SESSION_SECONDS
        ? `greater than or equal to ${MIN_SESSION_SECONDS}`
        : `less than or equal to ${MAX_SESSION_SECONDS}`;
    throw validation(
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  const { state, principal } = context;
  const role = state.findRole(roleArn);
  const externalId = input.string("ExternalId");
  const externalIdMatches =
    role?.externalId === undefined ||
    role.externalId === externalId ||
    (externalId !== undefined && role.extraExternalIds.has(externalId));
  if (!role || !isTrusted(role, principal) || !externalIdMatches) {
    throw new SimError(
      "AccessDenied",
      `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  }
  if (duration > role.maxSessionDurationSeconds) {
    throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  if (principal.kind === "role" && duration > CHAINED_SESSION_LIMIT_SECONDS) {
    throw validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  const session = state.principalFor(role, sessionName);
  const lifetime = state.credentialLifetimeSeconds ?? duration;
  const credential = state.credentials.issue(session, state.now().getTime() + lifetime * 1000);
  return {
    Credentials: {
      AccessKeyId: credential.accessKeyId,
      SecretAccessKey: credential.secretAccessKey,
      SessionToken: credential.sessionToken,
      Expiration: new Date(credential.expiresAt ?? 0),
    },
    AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
  };
}

function getCallerIdentity(_input: Input, context: CallContext): unknown {
  const { principal } = context;
  return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn };
}

export const stsService: ServiceImpl = {
  info: SERVICES.sts,
  protocol: awsQueryProtocol("https://sts.amazonaws.com/doc/2011-06-15/"),
  operations: { AssumeRole: assumeRole, GetCallerIdentity: getCallerIdentity },
};
