import type { Level, PracticeId } from "../catalogue";

// The level a person gives each workload account of the simulator's demo organisation (seed
// 20260, 12 accounts; simulator/data/*) after reading the seed article and the demo data, with
// the CI uploads demo-org.test.ts sends. Worked out by hand from the data, not from the
// evaluator. Nobody has attested anything, so every level stops below its first manual check:
// platform engineering and AI-assisted DevOps stay at 0, OpenTelemetry and GitOps can reach 1,
// policy-as-code, progressive delivery, FinOps and supply chain 2, multi-account and chaos 3.
//
// multi-account      In OUs, under the organisation trail (multi-region, validated), with
//                    ProtectCloudTrail at the root and audit as delegated admin for GuardDuty,
//                    Security Hub and Inspector; prod also has ProdRegionRestriction: level 3.
//                    ProdDenyLongTermCredentials denies iam:CreateUser/CreateAccessKey in prod with
//                    no break-glass exemption, and no break-glass runbook is attested anywhere.
// policy-as-code     DenyLeaveOrganization is a customer deny at the root; Checkov uploads reach
//                    Ladder, on main and on a pull request, but the same failed checks (one high)
//                    landed on main in two commits: main does not block, so level 1.
// opentelemetry      Prod and staging have a sampling rule of their own (payments-prod's is the
//                    100% debug-all-requests trap); sandboxes only X-Ray's Default: 1, sandbox 0.
// progressive        Prod and staging deploy through CodeDeploy with alarms; every group is a
//                    canary watching alarms except payments-prod's worker (all at once): level 2,
//                    payments-prod 1. Sandboxes have neither alarms nor CodeDeploy: 0.
// gitops-eks         Prod clusters are tagged gitops-controller=argocd: 1. Staging clusters say
//                    "none": 0. Sandboxes run no EKS: the practice does not apply.
// finops             Graviton is 30-55% of EC2 spend everywhere (level 1). Prod runs Karpenter with
//                    Spot at about a third of spend, beside the organisation's Reserved Instances
//                    at 55% utilisation over the last 30 days: the seed's Karpenter + idle RI
//                    gotcha keeps it at 1. Staging and sandboxes have no Spot: 1.
// supply-chain       A Trivy scan and an SBOM reach Ladder. Every repository scans on push except
//                    catalog-prod's catalog/web and the sandboxes' only repository: those are 0.
//                    Each prod <team>/api image in use carries a critical CVE first seen 49-68
//                    days ago: 1. Staging has no open critical finding, but scanning is BASIC: 2.
// chaos              Only prod has FIS templates, and az-instance-terminate has no stop
//                    condition: prod 1, the others 0.

type Row = Record<PracticeId, Level | null>;

const row = (
  multiAccount: Level,
  policy: Level,
  otel: Level,
  delivery: Level,
  gitops: Level | null,
  finops: Level,
  supplyChain: Level,
  chaos: Level,
): Row => ({
  "multi-account": multiAccount,
  "policy-as-code": policy,
  opentelemetry: otel,
  "progressive-delivery": delivery,
  "gitops-eks": gitops,
  "finops-automation": finops,
  "supply-chain": supplyChain,
  "platform-engineering": 0,
  "chaos-engineering": chaos,
  "ai-assisted-devops": 0,
});

export const handWorkedLevels: Record<string, Row> = {
  //                    multi policy otel deliv gitops finops supply chaos
  "payments-prod": row(3, 1, 1, 1, 1, 1, 1, 1),
  "checkout-prod": row(3, 1, 1, 2, 1, 1, 1, 1),
  "catalog-prod": row(3, 1, 1, 2, 1, 1, 0, 1),
  "payments-staging": row(3, 1, 1, 2, 0, 1, 2, 0),
  "checkout-staging": row(3, 1, 1, 2, 0, 1, 2, 0),
  "payments-sandbox": row(3, 1, 0, 0, null, 1, 0, 0),
  "checkout-sandbox": row(3, 1, 0, 0, null, 1, 0, 0),
};

export interface Disagreement {
  practice: PracticeId;
  evaluator: Level | null;
  checkId: string;
  why: string;
}

/**
 * Where the evaluator gives another level and it is a judgment, not a plain bug: the test holds
 * the evaluator to its own value here, so a change on either side shows up.
 */
export const disagreements: Disagreement[] = [
  {
    practice: "policy-as-code",
    evaluator: 2,
    checkId: "checkov-soft-fail-main",
    why:
      "Failed checks reaching main across commits are only inferred soft-fail (uploads carry no soft_fail flag, " +
      "and the upload API has no field for one), so the check warns, and a warning counts as passing level 2.",
  },
];
