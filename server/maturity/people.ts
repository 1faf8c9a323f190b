import type { Check } from "./catalogue";
import { isoDay } from "./context";
import type { AccountEvidence, AttestationEvidence, EvidenceScope, WaiverEvidence } from "./evidence";
import { outcome, type Outcome, type WaiverRef } from "./results";

const DAY_MS = 86_400_000;

const trimSlash = (path: string) => path.replace(/\/+$/, "") || "/";

/** An OU scope covers its own accounts and every account in OUs below it. */
export function scopeCovers(scope: EvidenceScope, account: Pick<AccountEvidence, "accountId" | "ouPath">): boolean {
  if (scope.kind === "organization") return true;
  if (scope.kind === "account") return scope.accountId === account.accountId;
  if (account.ouPath === null) return false;
  const ou = trimSlash(scope.ouPath);
  const path = trimSlash(account.ouPath);
  return ou === "/" || path === ou || path.startsWith(`${ou}/`);
}

/**
 * A manual check passes only on an attestation that is in force now: created, not expired, and
 * younger than the check's window, so a long expiry cannot outlive the catalogue's limit.
 */
export function judgeAttestations(
  check: Check,
  account: AccountEvidence,
  attestations: readonly AttestationEvidence[],
  now: Date,
): Outcome {
  const relevant = attestations
    .filter((a) => a.checkId === check.id && scopeCovers(a.scope, account) && a.createdAt <= now)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const windowStart = now.getTime() - check.maxEvidenceAgeDays * DAY_MS;
  const inForce = relevant.find((a) => a.expiresAt > now && a.createdAt.getTime() >= windowStart);
  if (inForce) {
    return outcome.pass(`Attested by ${inForce.author} on ${isoDay(inForce.createdAt)}, until ${isoDay(inForce.expiresAt)}.`, [
      inForce.id,
    ]);
  }
  const lapsed = relevant[0];
  if (!lapsed) return outcome.noData("Nobody has attested this yet.");
  const when =
    lapsed.expiresAt <= now ? `expired on ${isoDay(lapsed.expiresAt)}` : `is older than ${check.maxEvidenceAgeDays} days`;
  return outcome.noData(`The attestation by ${lapsed.author} ${when}; attest again.`, [lapsed.id]);
}

export function activeWaiver(
  checkId: string,
  account: AccountEvidence,
  waivers: readonly WaiverEvidence[],
  now: Date,
): WaiverRef | undefined {
  const waiver = waivers.find(
    (w) =>
      w.checkId === checkId &&
      w.approvedBy !== null &&
      w.createdAt <= now &&
      (w.revokedAt === null || w.revokedAt > now) &&
      (w.expiresAt === null || w.expiresAt > now) &&
      scopeCovers(w.scope, account),
  );
  return waiver?.approvedBy
    ? { id: waiver.id, reason: waiver.reason, approvedBy: waiver.approvedBy, expiresAt: waiver.expiresAt }
    : undefined;
}
