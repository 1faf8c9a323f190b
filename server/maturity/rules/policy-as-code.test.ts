import { describe, expect, it } from "vitest";
import type { UploadEvidence } from "../evidence";
import { daysAgo, evaluateCheck, nextId, organizationEvidence, ROOT, scp } from "../test-evidence";

function checkov(overrides: Partial<UploadEvidence> = {}): UploadEvidence {
  return {
    id: nextId("upload"),
    kind: "checkov",
    tool: "Checkov",
    repository: "acme/infra",
    branch: "main",
    commit: nextId("sha"),
    pipeline: "terraform-check",
    failed: 0,
    passed: 40,
    bySeverity: {},
    observedAt: daysAgo(2),
    ...overrides,
  };
}

describe("policy-as-code checks", () => {
  it("scp-guardrails-attached: FullAWSAccess alone fails, a customer deny at the root passes", () => {
    const evidence = organizationEvidence();
    evidence.scps = [
      { ...scp("FullAWSAccess", [{ Effect: "Allow", Action: "*", Resource: "*" }], [[ROOT, "ROOT"]]), awsManaged: true },
    ];
    expect(evaluateCheck(evidence, "scp-guardrails-attached").status).toBe("fail");
    evidence.scps.push(
      scp("DenyLeave", [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }], [[ROOT, "ROOT"]]),
    );
    expect(evaluateCheck(evidence, "scp-guardrails-attached").status).toBe("pass");
  });

  it("checkov-results-uploaded: missing uploads are no data, never a pass; stale ones too", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "checkov-results-uploaded").status).toBe("no_data");
    const old = checkov({ observedAt: daysAgo(45) });
    evidence.uploads = [old];
    expect(evaluateCheck(evidence, "checkov-results-uploaded")).toMatchObject({ status: "no_data", evidenceIds: [old.id] });
    evidence.uploads.push(checkov());
    expect(evaluateCheck(evidence, "checkov-results-uploaded").status).toBe("pass");
  });

  it("checkov-on-default-branch: a repository scanned only on feature branches fails", () => {
    const evidence = organizationEvidence();
    evidence.uploads = [checkov(), checkov({ repository: "acme/network", branch: "feature/x" })];
    expect(evaluateCheck(evidence, "checkov-on-default-branch").status).toBe("fail");
    evidence.uploads.push(checkov({ repository: "acme/network", branch: "refs/heads/main" }));
    expect(evaluateCheck(evidence, "checkov-on-default-branch").status).toBe("pass");
  });

  it("checkov-soft-fail-main: declared soft-fail fails; failures across commits on main warn; clean main passes", () => {
    const evidence = organizationEvidence();
    evidence.uploads = [checkov({ failed: 3, softFail: true })];
    expect(evaluateCheck(evidence, "checkov-soft-fail-main").status).toBe("fail");
    evidence.uploads = [checkov({ failed: 3 }), checkov({ failed: 4 })];
    expect(evaluateCheck(evidence, "checkov-soft-fail-main").status).toBe("warning");
    evidence.uploads = [checkov({ failed: 3, softFail: false }), checkov({ failed: 0 })];
    expect(evaluateCheck(evidence, "checkov-soft-fail-main").status).toBe("pass");
    evidence.uploads = [checkov({ branch: "feature/y" })];
    expect(evaluateCheck(evidence, "checkov-soft-fail-main").status).toBe("no_data");
  });

  it("checkov-on-pull-requests: needs a non-default-branch scan per repository", () => {
    const evidence = organizationEvidence();
    evidence.uploads = [checkov()];
    expect(evaluateCheck(evidence, "checkov-on-pull-requests").status).toBe("fail");
    evidence.uploads.push(checkov({ branch: "feature/z" }));
    expect(evaluateCheck(evidence, "checkov-on-pull-requests").status).toBe("pass");
  });

  it("checkov-scan-time: no duration is no data; a repository whose median PR scan is over 5 minutes fails", () => {
    const evidence = organizationEvidence();
    evidence.uploads = [checkov({ branch: "feature/a" })];
    expect(evaluateCheck(evidence, "checkov-scan-time").status).toBe("no_data");
    evidence.uploads = [
      checkov({ branch: "feature/a", durationSeconds: 90 }),
      checkov({ repository: "acme/monolith", branch: "feature/b", durationSeconds: 420 }),
      checkov({ repository: "acme/monolith", branch: "feature/c", durationSeconds: 380 }),
    ];
    const result = evaluateCheck(evidence, "checkov-scan-time");
    expect(result.status).toBe("fail");
    expect(result.reason).toContain("acme/monolith");
    evidence.uploads = [
      checkov({ branch: "feature/a", durationSeconds: 90 }),
      checkov({ branch: "feature/b", durationSeconds: 400 }),
      checkov({ branch: "feature/c", durationSeconds: 60 }),
    ];
    expect(evaluateCheck(evidence, "checkov-scan-time").status).toBe("warning");
  });

  it("checkov-main-clean: the latest main scan per repository decides", () => {
    const evidence = organizationEvidence();
    evidence.uploads = [
      checkov({ observedAt: daysAgo(5) }),
      checkov({ failed: 2, bySeverity: { high: 2 }, observedAt: daysAgo(1) }),
    ];
    expect(evaluateCheck(evidence, "checkov-main-clean").status).toBe("fail");
    evidence.uploads = [
      checkov({ failed: 2, bySeverity: { high: 2 }, observedAt: daysAgo(5) }),
      checkov({ observedAt: daysAgo(1) }),
    ];
    expect(evaluateCheck(evidence, "checkov-main-clean").status).toBe("pass");
  });
});
