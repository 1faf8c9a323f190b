export type PracticeId =
  | "multi-account"
  | "policy-as-code"
  | "opentelemetry"
  | "progressive-delivery"
  | "gitops-eks"
  | "finops-automation"
  | "supply-chain"
  | "platform-engineering"
  | "chaos-engineering"
  | "ai-assisted-devops";

export type Stage = 1 | 2 | 3 | 4 | 5;
export type CheckLevel = 1 | 2 | 3 | 4;
export type Level = 0 | CheckLevel;

export type EvidenceSource =
  | "organizations"
  | "cloudtrail"
  | "checkov-uploads"
  | "scan-uploads"
  | "sbom-uploads"
  | "cost-explorer"
  | "commitments"
  | "codedeploy"
  | "cloudwatch"
  | "ecr"
  | "inspector"
  | "fis"
  | "xray"
  | "eks"
  | "attestation";

export type CheckMode = "automated" | "manual";
export type CheckScope = "organization" | "ou" | "account";

/**
 * What the seed says a practice buys. Next steps are ranked by it after stage and reach:
 * preventing incidents first, then recovering from them, then exposure, cost, speed, toil.
 */
export type OutcomeKind = "prevent-incidents" | "recover-faster" | "reduce-exposure" | "cut-cost" | "ship-faster" | "reduce-toil";

export const outcomeRank: Record<OutcomeKind, number> = {
  "prevent-incidents": 0,
  "recover-faster": 1,
  "reduce-exposure": 2,
  "cut-cost": 3,
  "ship-faster": 4,
  "reduce-toil": 5,
};

export interface LevelDefinition {
  level: Level;
  title: string;
  meaning: string;
}

export interface Practice {
  id: PracticeId;
  number: number;
  title: string;
  stage: Stage;
  outcome: { kind: OutcomeKind; summary: string };
  levels: readonly [LevelDefinition, LevelDefinition, LevelDefinition, LevelDefinition, LevelDefinition];
}

export interface Check {
  id: string;
  title: string;
  practice: PracticeId;
  level: CheckLevel;
  why: string;
  fix: string;
  source: EvidenceSource;
  mode: CheckMode;
  scope: CheckScope;
  maxEvidenceAgeDays: number;
  antiPattern: boolean;
}
