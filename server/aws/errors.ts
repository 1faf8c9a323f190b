// What went wrong with an AWS call, in terms the product acts on.
export type AwsFailureKind =
  "access-denied" | "throttled" | "expired" | "not-found" | "unreachable" | "invalid-credentials" | "server" | "other";

export interface AwsFailure {
  kind: AwsFailureKind;
  code: string;
  message: string;
  // The IAM action AWS named in an AccessDenied message, when it named one.
  action?: string;
}

const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "AWSOrganizationsNotInUseException",
]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "LimitExceededException",
  "RequestLimitExceeded",
  "ProvisionedThroughputExceededException",
]);
const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired"]);
const INVALID = new Set(["InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature"]);
const NETWORK = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "TimeoutError"]);

export function classifyAwsError(error: unknown): AwsFailure {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    cause?: { code?: string };
  };
  const code = e?.name && e.name !== "Error" ? e.name : (e?.code ?? e?.cause?.code ?? "Error");
  const message = e?.message ?? String(error);
  if (ACCESS_DENIED.has(code)) return { kind: "access-denied", code, message, action: deniedAction(message) };
  if (THROTTLED.has(code)) return { kind: "throttled", code, message };
  if (EXPIRED.has(code)) return { kind: "expired", code, message };
  if (INVALID.has(code)) return { kind: "invalid-credentials", code, message };
  if (NETWORK.has(code) || NETWORK.has(e?.code ?? "") || NETWORK.has(e?.cause?.code ?? ""))
    return { kind: "unreachable", code, message };
  if (/NotFound|NoSuchEntity/.test(code)) return { kind: "not-found", code, message };
  if ((e?.$metadata?.httpStatusCode ?? 0) >= 500) return { kind: "server", code, message };
  return { kind: "other", code, message };
}

// "… is not authorized to perform: ce:GetCostAndUsage on resource …"
export function deniedAction(message: string): string | undefined {
  return /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}
