import type { CheckLevel, CheckMode, CheckScope, EvidenceSource, Level, OutcomeKind, PracticeId, Stage } from "../catalogue";
import type { Environment } from "../evidence";
import type { NextStep } from "../next-steps";
import type { CheckStatus, ResolvedScope } from "../results";

// What the maturity API returns to the pages: plain JSON-friendly shapes, read from the stored
// snapshots and results (never recomputed on a page load).

export interface ScopeInput {
  all?: boolean;
  environments?: Environment[];
  ouPaths?: string[];
  accountIds?: string[];
}

export interface AccountRef {
  accountId: string;
  name: string | null;
  environment: Environment | null;
  ouPath: string | null;
}

export interface FilterOptions {
  environments: Environment[];
  ouPaths: string[];
  accounts: AccountRef[];
}

export interface PracticeSummary {
  id: PracticeId;
  number: number;
  title: string;
  stage: Stage;
  outcome: { kind: OutcomeKind; summary: string };
  /** Minimum over the in-scope accounts where it applies; null when it applies to none. */
  level: Level | null;
  levelTitle: string | null;
  accountsCounted: number;
  distribution: Record<Level, number>;
  weakestAccountIds: string[];
}

export interface TrendPoint {
  /** The UTC day this point stands for. */
  day: string;
  /** The last evaluation of that day: the one plotted. */
  evaluatedAt: Date;
  /** How many evaluations ran that day (UTC). */
  evaluations: number;
  stage: 0 | Stage;
  levels: Partial<Record<PracticeId, Level | null>>;
}

export interface Trend {
  from: Date;
  /** Every evaluation since `from`, counted as the changes panel counts them. */
  evaluations: number;
  points: TrendPoint[];
}

/** Why a check's result moved: its evidence, an attestation (manual checks), or a waiver. */
export type ChangeCause = "evidence" | "attestation" | "waiver";

export interface CheckChange {
  checkId: string;
  title: string;
  practiceId: PracticeId;
  /** Null when the check had no result in the account at the baseline (new account or check). */
  from: CheckStatus | null;
  fromWaived: boolean;
  /** Null when the account has no result now. */
  to: CheckStatus | null;
  toWaived: boolean;
  causes: ChangeCause[];
  accountIds: string[];
}

export interface EvaluationPoint {
  evaluatedAt: Date;
  stage: 0 | Stage;
  levels: Partial<Record<PracticeId, Level | null>>;
}

/**
 * What changed between two evaluations: the baseline (the last one strictly before the start of
 * the `since` day, in UTC) and the latest one. No baseline, no changes: then `firstInRange` says
 * which evaluation came first instead.
 */
export interface ChangesSince {
  /** The day asked for, YYYY-MM-DD, read as a UTC day. */
  since: string;
  /** 00:00 UTC on that day: evaluations before it are history, at or after it are in range. */
  sinceStart: Date;
  baseline: EvaluationPoint | null;
  latest: { evaluatedAt: Date };
  /** Evaluations at or after `sinceStart`, counted as the trend counts them. */
  evaluations: number;
  firstInRange: { evaluatedAt: Date } | null;
  checks: CheckChange[];
}

export interface Overview {
  /** Null until the first evaluation (no sync has finished yet). */
  evaluatedAt: Date | null;
  scope: ResolvedScope;
  accountsInScope: number;
  stage: 0 | Stage;
  practices: PracticeSummary[];
  trend: Trend;
  changes: ChangesSince | null;
  nextSteps: NextStep[];
  filters: FilterOptions;
}

export interface WaiverView {
  id: string;
  checkId: string;
  scope: ClaimScopeView;
  reason: string;
  requestedBy: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: "pending" | "active" | "expired" | "revoked";
  /** The viewer requested it: they cannot approve it unless the workspace allows self-approval. */
  mine: boolean;
  /** Approved by its own requester, which the workspace's self-approval setting allowed. */
  selfApproved: boolean;
}

export interface AttestationView {
  id: string;
  checkId: string;
  scope: ClaimScopeView;
  evidenceUrl: string;
  note: string;
  author: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  state: "active" | "expired" | "revoked";
  /** The signed-in person wrote it, so may revoke it without being an admin. */
  mine: boolean;
}

export type ClaimScopeView = { kind: "organization" } | { kind: "ou"; ouPath: string } | { kind: "account"; accountId: string };

export interface CheckInfo {
  id: string;
  title: string;
  practiceId: PracticeId;
  level: CheckLevel;
  why: string;
  fix: string;
  source: EvidenceSource;
  mode: CheckMode;
  scope: CheckScope;
  maxEvidenceAgeDays: number;
  antiPattern: boolean;
}

export interface ResultCell {
  accountId: string;
  status: CheckStatus;
  reason: string;
  since: Date;
  evidenceCount: number;
  waiver: { id: string; reason: string; approvedBy: string; expiresAt: Date | null } | null;
  blocking: boolean;
}

export interface PracticeCheckView extends CheckInfo {
  counts: Record<CheckStatus, number>;
  waived: number;
  results: ResultCell[];
}

export interface PracticeView {
  evaluatedAt: Date | null;
  practice: Omit<PracticeSummary, "level" | "levelTitle" | "accountsCounted" | "distribution" | "weakestAccountIds"> & {
    levels: Array<{ level: Level; title: string; meaning: string }>;
  };
  level: Level | null;
  accounts: Array<AccountRef & { level: Level | null; blockingCheckIds: string[] }>;
  checks: PracticeCheckView[];
  filters: FilterOptions;
}

export interface AccountView {
  evaluatedAt: Date | null;
  account: AccountRef;
  practices: Array<{
    id: PracticeId;
    title: string;
    stage: Stage;
    level: Level | null;
    levelTitle: string | null;
    blockingCheckIds: string[];
  }>;
  results: Array<CheckInfo & Omit<ResultCell, "accountId">>;
}

export interface EvidenceRow {
  id: string;
  /** The table or kind of evidence, e.g. "EcrRepository", "SyncTask", "Attestation". */
  kind: string;
  /** A one-line label for the row (repository name, trail ARN…). */
  label: string;
  observedAt: Date | null;
  fields: Record<string, string | number | boolean | null>;
  /** The fields that decided the check's status, with the values the check read (a failing
   * deployment group's `deploymentStyle: all-at-once`); empty when the check named none. */
  decisive: { field: string; value: string | number | boolean | null }[];
}

export interface ResultDetail {
  evaluatedAt: Date;
  account: AccountRef;
  check: CheckInfo;
  result: Omit<ResultCell, "accountId">;
  evidence: EvidenceRow[];
  attestations: AttestationView[];
  waivers: WaiverView[];
}
