import type { CheckLevel, Level, PracticeId, Stage } from "./catalogue";
import type { Environment } from "./evidence";

export type CheckStatus = "pass" | "fail" | "warning" | "not_applicable" | "no_data" | "error";

export type DecisiveValue = string | number | boolean | null;

/**
 * The fields of cited rows that decided the status, by row id, with the values the rule read:
 * { "<deployment group id>": { deploymentStyle: "all-at-once" } }. Without them a reader sees
 * which rows were read but must guess which field failed.
 */
export type Decisive = Record<string, Record<string, DecisiveValue>>;

/** What a rule computed for one account: a status, a one-line reason, the rows it read. */
export interface Outcome {
  status: CheckStatus;
  reason: string;
  evidenceIds: string[];
  decisive?: Decisive;
}

export interface WaiverRef {
  id: string;
  reason: string;
  approvedBy: string;
  expiresAt: Date | null;
}

export interface CheckResult extends Outcome {
  checkId: string;
  practiceId: PracticeId;
  level: CheckLevel;
  accountId: string;
  /** Set when an approved, unexpired, unrevoked waiver covers this check here. */
  waiver?: WaiverRef;
  /** Pass, warning and not applicable do not block a level; neither does a waived result. */
  countsAsPass: boolean;
}

export interface AccountPracticeLevel {
  accountId: string;
  practiceId: PracticeId;
  /** Null when the practice does not apply to the account (e.g. GitOps without EKS). */
  level: Level | null;
  /** Checks of the next level up that hold the account back. */
  blockingCheckIds: string[];
  /** Some check up to the reached level passed only through a waiver. */
  reachedWithWaivers: boolean;
}

export interface PracticeLevel {
  practiceId: PracticeId;
  stage: Stage;
  /** Minimum over the in-scope accounts where the practice applies; null if it applies to none. */
  level: Level | null;
  aggregate: "minimum";
  accountsCounted: number;
  distribution: Record<Level, number>;
  /** The accounts at the minimum: the ones holding the organisation back. */
  weakestAccountIds: string[];
}

export interface ScopedAccount {
  accountId: string;
  name: string | null;
  environment: Environment | null;
  ouPath: string | null;
}

export interface ResolvedScope {
  environments: Environment[] | null;
  ouPaths: string[] | null;
  accountIds: string[] | null;
}

export interface WorkspaceEvaluation {
  evaluatedAt: Date;
  scope: ResolvedScope;
  accounts: ScopedAccount[];
  results: CheckResult[];
  accountLevels: AccountPracticeLevel[];
  practiceLevels: PracticeLevel[];
  /** 0 until every practice of stage 1 is at level 2; stages are cumulative rungs. */
  stage: 0 | Stage;
}

const make =
  (status: CheckStatus) =>
  (reason: string, evidenceIds: string[] = [], decisive?: Decisive): Outcome =>
    decisive && Object.keys(decisive).length ? { status, reason, evidenceIds, decisive } : { status, reason, evidenceIds };

export const outcome = {
  pass: make("pass"),
  fail: make("fail"),
  warning: make("warning"),
  notApplicable: make("not_applicable"),
  noData: make("no_data"),
  error: make("error"),
};
