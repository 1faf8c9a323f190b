import { db } from "~/server/db";
import type { AttestationEvidence, EvidenceScope, WaiverEvidence } from "../evidence";

// People's statements as evidence: attestations for manual checks, waivers for any check.
// Revoked attestations are left out; revoked waivers are kept with their revocation time, so
// the evaluator judges them as of its own clock.

export interface ClaimScopeRow {
  scopeKind: "organization" | "ou" | "account";
  scopeValue: string;
}

export function toEvidenceScope(row: ClaimScopeRow): EvidenceScope {
  if (row.scopeKind === "ou") return { kind: "ou", ouPath: row.scopeValue };
  if (row.scopeKind === "account") return { kind: "account", accountId: row.scopeValue };
  return { kind: "organization" };
}

export function fromEvidenceScope(scope: EvidenceScope): ClaimScopeRow {
  if (scope.kind === "ou") return { scopeKind: "ou", scopeValue: scope.ouPath };
  if (scope.kind === "account") return { scopeKind: "account", scopeValue: scope.accountId };
  return { scopeKind: "organization", scopeValue: "" };
}

export async function loadClaimEvidence(
  workspaceId: string,
): Promise<{ attestations: AttestationEvidence[]; waivers: WaiverEvidence[] }> {
  const [attestations, waivers] = await Promise.all([
    db.attestation.findMany({ where: { workspaceId, revokedAt: null } }),
    db.waiver.findMany({ where: { workspaceId } }),
  ]);
  return {
    attestations: attestations.map((a) => ({
      id: a.id,
      checkId: a.checkId,
      scope: toEvidenceScope(a),
      author: a.authorName,
      evidenceUrl: a.evidenceUrl,
      note: a.note,
      createdAt: a.createdAt,
      expiresAt: a.expiresAt,
    })),
    waivers: waivers.map((w) => ({
      id: w.id,
      checkId: w.checkId,
      scope: toEvidenceScope(w),
      reason: w.reason,
      requestedBy: w.requestedByName,
      approvedBy: w.approvedByName,
      createdAt: w.approvedAt ?? w.createdAt,
      expiresAt: w.expiresAt,
      revokedAt: w.revokedAt,
    })),
  };
}
