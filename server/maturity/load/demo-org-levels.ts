import type { Level, PracticeId } from "../catalogue";
import type { CheckStatus } from "../results";

// The level a person gives each account of the simulator's demo organisation (seed 20260, 12
// accounts; simulator/data/*) after reading the seed article and the demo data, with the CI
// reports the organisation brings when it is connected (simulator/data/ci-reports.ts). Worked
// out by hand from the data, not from the evaluator.
// Nobody has attested anything, so every level stops below its first manual check: platform
// engineering and AI-assisted DevOps stay at 0, OpenTelemetry and GitOps can reach 1,
// policy-as-code, progressive delivery, FinOps and supply chain 2, multi-account and chaos 3.
//
// multi-account   In OUs, under the organisation trail (multi-region, validated), ProtectCloudTrail
//                 at the root, audit the delegated admin of GuardDuty, Security Hub and Inspector,
//                 ProdRegionRestriction on prod: 3. ProdDenyLongTermCredentials denies
//                 iam:CreateUser/CreateAccessKey in prod without a break-glass exemption, and no
//                 runbook is attested. legacy-marketing sits under the root: 1. The management
//                 account sits there too, as it should: SCPs never bind it, so it is 3.
// policy-as-code  DenyLeaveOrganization is a customer deny at the root; Checkov results arrive
//                 from example-ladder/infra and the three teams' repositories, each scanned on
//                 main and on pull requests. On infra's main the same four failed checks (one
//                 high) landed in two commits: main soft-fails. The pipeline does not say so
//                 (it sends no soft_fail), so this is an inference from the history, the kind of
//                 warning a reviewer raises without failing the team on it: 2, half-way as the
//                 story has it. Level 3 is out of reach: infra's pull-request scans take 5.5 to
//                 10 minutes (the slow repository), and no .checkov.yaml is attested. Had the
//                 pipeline declared soft_fail on main, the level would be 1.
// opentelemetry   Prod, staging and shared-services have a sampling rule of their own
//                 (payments-prod's is the 100% debug-all-requests trap): 1. Accounts with only
//                 X-Ray's Default rule trace nothing: 0.
// progressive     Prod and staging deploy through CodeDeploy behind alarms, every group a canary
//                 watching alarms but payments-prod's worker (all at once): 2, payments-prod 1.
//                 The rest have no CodeDeploy (sandboxes and the security accounts no alarms): 0.
// gitops-eks      Prod and shared-services clusters are tagged gitops-controller=argocd: 1.
//                 Staging clusters say "none": 0. Accounts without EKS: does not apply.
// finops          Graviton carries 30-55% of EC2 spend in workload accounts, audit and shared
//                 services. Where Karpenter runs (prod, shared-services), Spot is about a third of
//                 spend, but beside the organisation's Reserved Instances at 55% utilisation over
//                 the last 30 days: the seed's Karpenter + idle RI gotcha, so 1; elsewhere there is
//                 no Spot: 1. The management account's EC2 bill is mostly idle RI fees (Graviton 1%)
//                 and legacy-marketing runs no Graviton: 0. log-archive runs no EC2: no level.
// supply-chain    Each night CI scans the prod images in use with Trivy and uploads their
//                 CycloneDX SBOMs (each <team>/api's critical CVE among the findings). Every ECR
//                 repository scans on push except catalog-prod's catalog/web, the sandboxes' and
//                 legacy-marketing's: those are 0, so prod as a whole (its weakest account) is 0.
//                 Each prod <team>/api image in use has a critical CVE first seen 49-68 days ago:
//                 1. Elsewhere no critical finding is open, but scanning is BASIC: 2 (accounts
//                 without repositories reach 2 on the organisation's CI scans).
// chaos           Only prod has FIS templates, and az-instance-terminate has no stop condition:
//                 prod 1, the others 0.
// no workloads    OpenTelemetry, progressive delivery and chaos do not apply to an account with no
//                 compute spend, images or clusters. Every demo account is billed for Lambda each
//                 day (about $2 and up, cost-lines.ts), log-archive without any EC2: all apply.

type Row = Record<PracticeId, Level | null>;

const row = (
  multiAccount: Level,
  policy: Level,
  otel: Level,
  delivery: Level,
  gitops: Level | null,
  finops: Level | null,
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

/** The accounts with an environment: what a scope of every environment covers. */
export const environmentAccounts: Record<string, Row> = {
  //                    multi policy otel deliv gitops finops supply chaos
  "payments-prod": row(3, 2, 1, 1, 1, 1, 1, 1),
  "checkout-prod": row(3, 2, 1, 2, 1, 1, 1, 1),
  "catalog-prod": row(3, 2, 1, 2, 1, 1, 0, 1),
  "payments-staging": row(3, 2, 1, 2, 0, 1, 2, 0),
  "checkout-staging": row(3, 2, 1, 2, 0, 1, 2, 0),
  "payments-sandbox": row(3, 2, 0, 0, null, 1, 0, 0),
  "checkout-sandbox": row(3, 2, 0, 0, null, 1, 0, 0),
};

/** Security, infrastructure and root accounts: no OU names an environment for them. */
export const otherAccounts: Record<string, Row> = {
  //                    multi policy otel deliv gitops finops supply chaos
  management: row(3, 2, 0, 0, null, 0, 2, 0),
  "log-archive": row(3, 2, 0, 0, null, null, 2, 0),
  audit: row(3, 2, 0, 0, null, 1, 2, 0),
  "shared-services": row(3, 2, 1, 0, 1, 1, 2, 0),
  "legacy-marketing": row(1, 2, 0, 0, null, 0, 0, 0),
};

export interface Disagreement {
  practice: PracticeId;
  /** The accounts it concerns; every account when absent. */
  accounts?: string[];
  evaluator: Level | null;
  /** The check behind it, and what the evaluator makes of it. */
  checkId: string;
  status: CheckStatus;
  kind: "judgment" | "rule";
  why: string;
}

/**
 * Where the evaluator gives another level. The test holds the evaluator to its present value
 * (and the check to its status), so a change on either side shows up; the table keeps the level
 * a person gives.
 */
export const disagreements: Disagreement[] = [];
