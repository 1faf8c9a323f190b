import { describe, expect, it } from "vitest";
import type { Ec2MonthEvidence } from "../evidence";
import { daysAgo, evaluateCheck, NOW, nextId, organizationEvidence, PROD_ACCOUNT } from "../test-evidence";
import { lastFullMonth } from "./finops";

const seen = { observedAt: daysAgo(1) };
const cluster = (name: string, tags: Record<string, string> = {}) => ({
  id: nextId("eks"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  name,
  tags,
  ...seen,
});
const month = (overrides: Partial<Ec2MonthEvidence> = {}): Ec2MonthEvidence => ({
  id: nextId("ec2m"),
  accountId: PROD_ACCOUNT,
  month: lastFullMonth(NOW),
  ec2Cost: 1000,
  gravitonCost: 0,
  spotCost: 0,
  nodePoolCost: 0,
  ...seen,
  ...overrides,
});
const ri = (utilisationPct: number) => ({
  id: nextId("ri"),
  accountId: PROD_ACCOUNT,
  kind: "ri" as const,
  utilisationPct,
  unusedCost: 100,
  ...seen,
});

describe("GitOps checks", () => {
  it("gitops-controller-present: the gitops-controller tag or an Argo/Flux add-on counts", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "gitops-controller-present").status).toBe("not_applicable");
    evidence.eksClusters = [cluster("payments-prod", { "gitops-controller": "none" })];
    expect(evaluateCheck(evidence, "gitops-controller-present").status).toBe("fail");
    evidence.eksAddons = [
      {
        id: nextId("addon"),
        accountId: PROD_ACCOUNT,
        region: "us-east-1",
        clusterName: "payments-prod",
        addonName: "argo-cd",
        status: "ACTIVE",
        ...seen,
      },
    ];
    expect(evaluateCheck(evidence, "gitops-controller-present").status).toBe("pass");
  });

  it("gitops-every-cluster: one cluster on Argo CD and one without is partial GitOps", () => {
    const evidence = organizationEvidence();
    evidence.eksClusters = [cluster("a", { "gitops-controller": "argocd" }), cluster("b")];
    expect(evaluateCheck(evidence, "gitops-every-cluster").status).toBe("fail");
    evidence.eksClusters = [cluster("a", { "gitops-controller": "argocd" }), cluster("b", { "gitops-controller": "flux" })];
    expect(evaluateCheck(evidence, "gitops-every-cluster").status).toBe("pass");
  });
});

describe("FinOps checks", () => {
  it("graviton-adoption and graviton-majority: 10% and 40% of last month's EC2 spend", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month({ gravitonCost: 250 })];
    expect(evaluateCheck(evidence, "graviton-adoption").status).toBe("pass");
    expect(evaluateCheck(evidence, "graviton-majority").status).toBe("fail");
    evidence.ec2Months = [month({ gravitonCost: 450 })];
    expect(evaluateCheck(evidence, "graviton-majority").status).toBe("pass");
  });

  it("graviton-adoption: an older month does not count, and negligible spend is not applicable", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month({ month: "2025-01", gravitonCost: 900 })];
    expect(evaluateCheck(evidence, "graviton-adoption").status).toBe("not_applicable");
    evidence.ec2Months = [month({ ec2Cost: 3, gravitonCost: 0 })];
    expect(evaluateCheck(evidence, "graviton-adoption").status).toBe("not_applicable");
    evidence.ec2Months = [month({ gravitonCost: 50 })];
    expect(evaluateCheck(evidence, "graviton-adoption").status).toBe("fail");
  });

  it("spot-adoption: 10% of EC2 spend on Spot", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month({ spotCost: 50 })];
    expect(evaluateCheck(evidence, "spot-adoption").status).toBe("fail");
    evidence.ec2Months = [month({ spotCost: 250 })];
    expect(evaluateCheck(evidence, "spot-adoption").status).toBe("pass");
  });

  it("karpenter-adopted: EKS without node-pool-tagged spend fails", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month()];
    expect(evaluateCheck(evidence, "karpenter-adopted").status).toBe("not_applicable");
    evidence.eksClusters = [cluster("payments-prod")];
    expect(evaluateCheck(evidence, "karpenter-adopted").status).toBe("fail");
    evidence.ec2Months = [month({ nodePoolCost: 400 })];
    expect(evaluateCheck(evidence, "karpenter-adopted").status).toBe("pass");
  });

  it("karpenter-with-idle-ri: Karpenter beside RIs at 60% utilisation fails", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month({ nodePoolCost: 400 })];
    const idle = ri(60);
    evidence.commitments = [idle];
    const result = evaluateCheck(evidence, "karpenter-with-idle-ri");
    expect(result.status).toBe("fail");
    expect(result.evidenceIds).toContain(idle.id);
    evidence.commitments = [ri(97)];
    expect(evaluateCheck(evidence, "karpenter-with-idle-ri").status).toBe("pass");
    evidence.ec2Months = [month()];
    expect(evaluateCheck(evidence, "karpenter-with-idle-ri").status).toBe("not_applicable");
  });

  it("commitments-utilised: every commitment at 90% or more", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month()];
    expect(evaluateCheck(evidence, "commitments-utilised").status).toBe("not_applicable");
    evidence.commitments = [ri(95), { ...ri(70), kind: "sp" }];
    expect(evaluateCheck(evidence, "commitments-utilised").status).toBe("fail");
    evidence.commitments = [ri(95)];
    expect(evaluateCheck(evidence, "commitments-utilised").status).toBe("pass");
  });

  it("commitments-utilised: the organisation's idle RIs are not judged in an account with no EC2 spend that month", () => {
    const evidence = organizationEvidence();
    const idle = ri(55);
    evidence.commitments = [idle];
    const none = evaluateCheck(evidence, "commitments-utilised");
    expect(none.status).toBe("not_applicable");
    expect(none.reason).toContain(`No meaningful EC2 spend in ${lastFullMonth(NOW)}`);
    const negligible = month({ ec2Cost: 3 });
    evidence.ec2Months = [negligible, month({ month: "2025-01" })];
    expect(evaluateCheck(evidence, "commitments-utilised")).toMatchObject({
      status: "not_applicable",
      evidenceIds: [negligible.id],
    });
    evidence.ec2Months = [month()];
    expect(evaluateCheck(evidence, "commitments-utilised")).toMatchObject({ status: "fail", evidenceIds: [idle.id] });
  });

  it("cost checks drop to no data when the cost source last synced too long ago", () => {
    const evidence = organizationEvidence();
    evidence.ec2Months = [month({ gravitonCost: 500 })];
    for (const sync of evidence.sourceSyncs) if (sync.source === "cost") sync.observedAt = daysAgo(60);
    expect(evaluateCheck(evidence, "graviton-adoption").status).toBe("no_data");
  });
});
