import { findCheck, getPractice, outcomeRank, type CheckLevel, type OutcomeKind, type PracticeId, type Stage } from "./catalogue";
import type { WorkspaceEvaluation } from "./results";

export interface NextStep {
  checkId: string;
  title: string;
  practiceId: PracticeId;
  stage: Stage;
  level: CheckLevel;
  antiPattern: boolean;
  outcome: OutcomeKind;
  fix: string;
  /** In-scope accounts this check holds below its level. */
  accountIds: string[];
}

/**
 * The checks that stand between each in-scope account and its next level, merged across
 * accounts and ranked: earliest stage first, then the most accounts affected, then the
 * outcome the seed ties to the practice (incidents before cost before toil).
 */
export function nextSteps(evaluation: WorkspaceEvaluation): NextStep[] {
  const blocked = new Map<string, string[]>();
  for (const level of evaluation.accountLevels) {
    for (const checkId of level.blockingCheckIds) {
      const accounts = blocked.get(checkId) ?? [];
      accounts.push(level.accountId);
      blocked.set(checkId, accounts);
    }
  }
  return rankSteps(blocked);
}

/** Next steps from "check → accounts it holds back", however those were found (live or stored). */
export function rankSteps(blocked: ReadonlyMap<string, string[]>): NextStep[] {
  const steps: NextStep[] = [];
  for (const [checkId, accountIds] of blocked) {
    const check = findCheck(checkId);
    if (!check) continue;
    const practice = getPractice(check.practice);
    steps.push({
      checkId,
      title: check.title,
      practiceId: check.practice,
      stage: practice.stage,
      level: check.level,
      antiPattern: check.antiPattern,
      outcome: practice.outcome.kind,
      fix: check.fix,
      accountIds: [...accountIds],
    });
  }
  return steps.sort(
    (a, b) =>
      a.stage - b.stage ||
      b.accountIds.length - a.accountIds.length ||
      outcomeRank[a.outcome] - outcomeRank[b.outcome] ||
      a.level - b.level ||
      a.checkId.localeCompare(b.checkId),
  );
}
