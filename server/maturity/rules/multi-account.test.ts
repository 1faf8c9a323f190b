import { describe, expect, it } from "vitest";
import { checks } from "../catalogue";
import { evaluateWorkspace } from "../evaluate";
import {
  account,
  daysAgo,
  evaluateCheck,
  MANAGEMENT_ACCOUNT,
  nextId,
  NOW,
  organizationEvidence,
  ROOT,
  scp,
  STAGING_ACCOUNT,
} from "../test-evidence";

function orgTrail(overrides: Partial<{ isLogging: boolean; isMultiRegion: boolean; logFileValidation: boolean }> = {}) {
  return {
    id: nextId("trail"),
    seenFromAccountId: MANAGEMENT_ACCOUNT,
    arn: "arn:aws:cloudtrail:us-east-1:999999999999:trail/organization-trail",
    name: "organization-trail",
    isOrganizationTrail: true,
    isMultiRegion: true,
    logFileValidation: true,
    isLogging: true,
    ...overrides,
    observedAt: daysAgo(1),
  };
}

const regionDeny = {
  Effect: "Deny",
  NotAction: ["iam:*", "sts:*", "organizations:*"],
  Resource: "*",
  Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
};

describe("multi-account checks", () => {
  it("account-in-organization: a member passes, an account outside the tree fails", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "account-in-organization").status).toBe("pass");
    evidence.accounts.push(account({ accountId: "333333333333", ouPath: null, parentId: null }));
    expect(evaluateCheck(evidence, "account-in-organization", "333333333333").status).toBe("fail");
  });

  it("org-trail-enabled: the organisation trail credits a member account and is cited", () => {
    const evidence = organizationEvidence();
    const trail = orgTrail();
    evidence.trails = [trail];
    const result = evaluateCheck(evidence, "org-trail-enabled");
    expect(result).toMatchObject({ status: "pass", evidenceIds: [trail.id] });
    expect(result.reason).toContain("organisation trail");
  });

  it("org-trail-enabled: no organisation trail fails; a stopped one fails too", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "org-trail-enabled").status).toBe("fail");
    evidence.trails = [orgTrail({ isLogging: false })];
    expect(evaluateCheck(evidence, "org-trail-enabled").status).toBe("fail");
  });

  it("org-trail-log-validation: needs validation on the logging organisation trail", () => {
    const evidence = organizationEvidence();
    evidence.trails = [orgTrail({ logFileValidation: false })];
    expect(evaluateCheck(evidence, "org-trail-log-validation").status).toBe("fail");
    evidence.trails = [orgTrail()];
    expect(evaluateCheck(evidence, "org-trail-log-validation").status).toBe("pass");
  });

  it("account-in-ou: an account directly under the root fails", () => {
    const evidence = organizationEvidence();
    evidence.accounts.push(account({ accountId: "444444444444", ouPath: "/", parentId: ROOT, environment: "sandbox" }));
    expect(evaluateCheck(evidence, "account-in-ou", "444444444444").status).toBe("fail");
    expect(evaluateCheck(evidence, "account-in-ou").status).toBe("pass");
  });

  it("trail-tamper-scp: a root SCP denying StopLogging and DeleteTrail is inherited", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "trail-tamper-scp").status).toBe("fail");
    const policy = scp(
      "ProtectCloudTrail",
      [{ Effect: "Deny", Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource: "*" }],
      [[ROOT, "ROOT"]],
    );
    evidence.scps = [policy];
    expect(evaluateCheck(evidence, "trail-tamper-scp")).toMatchObject({ status: "pass", evidenceIds: [policy.id] });
  });

  it("prod-region-restriction-scp: an SCP on the prod OU credits an account two levels below it", () => {
    const evidence = organizationEvidence();
    evidence.accounts.push(account({ accountId: "555555555555", ouPath: "/Workloads/Prod/Payments", parentId: "ou-payments" }));
    const policy = scp("ProdRegionRestriction", [regionDeny], [["ou-prod", "ORGANIZATIONAL_UNIT"]]);
    evidence.scps = [policy];
    const result = evaluateCheck(evidence, "prod-region-restriction-scp", "555555555555");
    expect(result).toMatchObject({ status: "pass", evidenceIds: [policy.id] });
    expect(result.reason).toContain("OU /Workloads/Prod");
  });

  it("prod-region-restriction-scp: missing on the prod OU fails; staging is not applicable", () => {
    const evidence = organizationEvidence();
    evidence.scps = [scp("StagingRegions", [regionDeny], [["ou-staging", "ORGANIZATIONAL_UNIT"]])];
    expect(evaluateCheck(evidence, "prod-region-restriction-scp").status).toBe("fail");
    expect(evaluateCheck(evidence, "prod-region-restriction-scp", STAGING_ACCOUNT).status).toBe("not_applicable");
  });

  it("security-services-delegated: delegated to the audit account passes, to management fails", () => {
    const evidence = organizationEvidence();
    const admin = (accountId: string) => ({
      id: nextId("da"),
      accountId,
      servicePrincipal: "guardduty.amazonaws.com",
      observedAt: daysAgo(1),
    });
    expect(evaluateCheck(evidence, "security-services-delegated").status).toBe("fail");
    evidence.delegatedAdmins = [admin("888888888888")];
    expect(evaluateCheck(evidence, "security-services-delegated").status).toBe("pass");
    evidence.delegatedAdmins = [admin(MANAGEMENT_ACCOUNT)];
    expect(evaluateCheck(evidence, "security-services-delegated").status).toBe("fail");
  });

  it("scp-break-glass-exempt: denying access keys to everyone in prod fails; an exemption passes", () => {
    const evidence = organizationEvidence();
    const deny = { Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*" };
    evidence.scps = [scp("ProdDenyLongTermCredentials", [deny], [["ou-prod", "ORGANIZATIONAL_UNIT"]])];
    expect(evaluateCheck(evidence, "scp-break-glass-exempt").status).toBe("fail");
    expect(evaluateCheck(evidence, "scp-break-glass-exempt", STAGING_ACCOUNT).status).toBe("pass");
    const exempted = { ...deny, Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" } } };
    evidence.scps = [scp("ProdDenyLongTermCredentials", [exempted, regionDeny], [["ou-prod", "ORGANIZATIONAL_UNIT"]])];
    expect(evaluateCheck(evidence, "scp-break-glass-exempt").status).toBe("pass");
  });

  describe("the management account: SCPs never bind it (AWS Organizations), wherever it sits", () => {
    const SCP_CHECKS = ["account-in-ou", "trail-tamper-scp", "prod-region-restriction-scp", "scp-break-glass-exempt"];
    const denyEverywhere = [
      scp(
        "ProtectCloudTrail",
        [{ Effect: "Deny", Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource: "*" }],
        [[ROOT, "ROOT"]],
      ),
      scp(
        "DenyLongTermCredentials",
        [{ Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*" }],
        [[ROOT, "ROOT"]],
      ),
      scp("Regions", [regionDeny], [[ROOT, "ROOT"]]),
    ];
    const management = (overrides: Parameters<typeof account>[0] = {}) =>
      account({
        accountId: MANAGEMENT_ACCOUNT,
        name: "management",
        environment: null,
        ouPath: "/",
        parentId: ROOT,
        isManagement: true,
        ...overrides,
      });

    it("under the root: every SCP check and scp-guardrails-attached is not applicable, saying why", () => {
      const evidence = organizationEvidence();
      evidence.accounts.push(management());
      evidence.scps = denyEverywhere;
      for (const checkId of [...SCP_CHECKS, "scp-guardrails-attached"]) {
        const result = evaluateCheck(evidence, checkId, MANAGEMENT_ACCOUNT);
        expect(result.status, checkId).toBe("not_applicable");
        expect(result.reason, checkId).toMatch(/management account/);
        expect(result.evidenceIds, checkId).toEqual([evidence.accounts.at(-1)?.id]);
      }
      expect(evaluateCheck(evidence, "account-in-ou", MANAGEMENT_ACCOUNT).reason).toMatch(/SCPs never apply/);
      expect(evaluateCheck(evidence, "trail-tamper-scp", MANAGEMENT_ACCOUNT).reason).toMatch(/keep workloads out/);
      // The same root policies still bind a member account.
      expect(evaluateCheck(evidence, "trail-tamper-scp").status).toBe("pass");
      expect(evaluateCheck(evidence, "scp-break-glass-exempt").status).toBe("fail");
      expect(evaluateCheck(evidence, "scp-guardrails-attached").status).toBe("pass");
    });

    it("moved into an OU, tagged prod, or known only by the organisation's management account id: still not applicable", () => {
      const evidence = organizationEvidence();
      evidence.accounts.push(
        management({ ouPath: "/Workloads/Prod", parentId: "ou-prod", environment: "prod", isManagement: false }),
      );
      evidence.scps = [...denyEverywhere, scp("ProdRegions", [regionDeny], [["ou-prod", "ORGANIZATIONAL_UNIT"]])];
      for (const checkId of [...SCP_CHECKS, "scp-guardrails-attached"]) {
        expect(evaluateCheck(evidence, checkId, MANAGEMENT_ACCOUNT).status, checkId).toBe("not_applicable");
      }
    });

    it("reaches level 3 of multi-account on the checks that do concern it, not 1 for sitting under the root", () => {
      const evidence = organizationEvidence();
      evidence.accounts.push(management());
      evidence.scps = denyEverywhere;
      evidence.trails = [orgTrail()];
      evidence.delegatedAdmins = [
        { id: nextId("da"), accountId: "888888888888", servicePrincipal: "guardduty.amazonaws.com", observedAt: daysAgo(1) },
      ];
      const evaluation = evaluateWorkspace(evidence, {
        now: NOW,
        checks: checks.filter((c) => c.practice === "multi-account"),
        scope: { accountIds: [MANAGEMENT_ACCOUNT] },
      });
      expect(evaluation.accountLevels.find((l) => l.practiceId === "multi-account")).toMatchObject({
        accountId: MANAGEMENT_ACCOUNT,
        level: 3,
      });
    });
  });
});
