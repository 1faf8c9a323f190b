import { describe, expect, it } from "vitest";
import { checks } from "./catalogue";
import type { AttestationEvidence, EvidenceScope } from "./evidence";
import { daysAgo, evaluateCheck, nextId, organizationEvidence, STAGING_ACCOUNT } from "./test-evidence";

const manual = checks.filter((c) => c.mode === "manual");

function attestation(checkId: string, overrides: Partial<AttestationEvidence> = {}): AttestationEvidence {
  return {
    id: nextId("att"),
    checkId,
    scope: { kind: "organization" },
    author: "lead@example.com",
    evidenceUrl: "https://wiki.example.com/evidence",
    note: "Reviewed",
    createdAt: daysAgo(10),
    expiresAt: daysAgo(-80),
    ...overrides,
  };
}

describe("manual checks pass only on an attestation in force", () => {
  it.each(manual.map((c) => [c.id]))("%s: none is no data, in force passes, expired is no data", (checkId) => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, checkId).status).toBe("no_data");
    const current = attestation(checkId);
    evidence.attestations = [current];
    expect(evaluateCheck(evidence, checkId)).toMatchObject({ status: "pass", evidenceIds: [current.id] });
    const expired = attestation(checkId, { createdAt: daysAgo(60), expiresAt: daysAgo(1) });
    evidence.attestations = [expired];
    const result = evaluateCheck(evidence, checkId);
    expect(result).toMatchObject({ status: "no_data", evidenceIds: [expired.id] });
    expect(result.reason).toContain("expired");
  });

  it("an attestation older than the check's window lapses even before its expiry", () => {
    const evidence = organizationEvidence();
    evidence.attestations = [attestation("templates-current", { createdAt: daysAgo(100), expiresAt: daysAgo(-200) })];
    expect(evaluateCheck(evidence, "templates-current").status).toBe("no_data");
  });

  it("an attestation scoped to an OU covers accounts below it only", () => {
    const evidence = organizationEvidence();
    const scope: EvidenceScope = { kind: "ou", ouPath: "/Workloads/Prod" };
    evidence.attestations = [attestation("images-signed", { scope })];
    expect(evaluateCheck(evidence, "images-signed").status).toBe("pass");
    expect(evaluateCheck(evidence, "images-signed", STAGING_ACCOUNT).status).toBe("no_data");
  });
});
