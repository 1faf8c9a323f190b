import { type ServiceInfo, serviceError } from "./catalog";
import type { Principal } from "./principals";
import type { RawRequest } from "./protocols/types";
import { isSignatureValid, type ParsedAuthorization } from "./sigv4";
import type { SimulatorState } from "./state";

/** Who signed the request, refused the way AWS refuses unknown, expired or tampered credentials. */
export function authenticate(
  state: SimulatorState,
  service: ServiceInfo,
  request: RawRequest,
  auth: ParsedAuthorization | undefined,
): Principal {
  if (!auth) throw serviceError(service, "missingAuth", "Missing Authentication Token");
  const credential = state.credentials.find(auth.accessKeyId);
  const token = request.headers["x-amz-security-token"];
  if (!credential || credential.sessionToken !== (Array.isArray(token) ? token[0] : token)) {
    throw serviceError(service, "unknownKey", "The security token included in the request is invalid.");
  }
  if (credential.expiresAt !== undefined && state.now().getTime() >= credential.expiresAt) {
    throw serviceError(service, "expiredToken", "The security token included in the request is expired");
  }
  if (state.verifySignatures && !isSignatureValid(request, auth, credential.secretAccessKey)) {
    throw serviceError(
      service,
      "badSignature",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  return credential.principal;
}
