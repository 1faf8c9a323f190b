import { checks as catalogueChecks, type Check, type Level, type Practice, type Stage } from "./catalogue";
import type { AccountPracticeLevel, CheckResult, PracticeLevel } from "./results";

const LEVELS = [1, 2, 3, 4] as const;

/**
 * Stair-step, as in OpsLevel and Soundcheck: a level counts only when its checks and every
 * lower level's checks count as passing. A practice whose automated checks are all not
 * applicable (GitOps without EKS) has no level here rather than a perfect one.
 */
export function accountPracticeLevel(
  practice: Practice,
  accountId: string,
  results: readonly CheckResult[],
  checks: readonly Check[] = catalogueChecks,
): AccountPracticeLevel {
  const own = results.filter((r) => r.practiceId === practice.id && r.accountId === accountId);
  const automated = new Set(checks.filter((c) => c.practice === practice.id && c.mode === "automated").map((c) => c.id));
  const automatedResults = own.filter((r) => automated.has(r.checkId));
  if (automatedResults.length && automatedResults.every((r) => r.status === "not_applicable")) {
    return { accountId, practiceId: practice.id, level: null, blockingCheckIds: [], reachedWithWaivers: false };
  }
  let level: Level = 0;
  let blockingCheckIds: string[] = [];
  for (const candidate of LEVELS) {
    const atLevel = own.filter((r) => r.level === candidate);
    const blocking = atLevel.filter((r) => !r.countsAsPass);
    if (blocking.length || !atLevel.length) {
      blockingCheckIds = blocking.map((r) => r.checkId);
      break;
    }
    level = candidate;
  }
  const reachedWithWaivers = own.some((r) => r.level <= level && r.waiver && !passesOnItsOwn(r));
  return { accountId, practiceId: practice.id, level, blockingCheckIds, reachedWithWaivers };
}

const passesOnItsOwn = (r: CheckResult) => r.status === "pass" || r.status === "warning" || r.status === "not_applicable";

export function countsAsPass(status: CheckResult["status"], waived: boolean): boolean {
  return waived || status === "pass" || status === "warning" || status === "not_applicable";
}

/** The organisation is as mature in a practice as its weakest in-scope account where it applies. */
export function practiceLevel(practice: Practice, accountLevels: readonly AccountPracticeLevel[]): PracticeLevel {
  const counted = accountLevels.filter((a) => a.practiceId === practice.id && a.level !== null);
  const distribution: Record<Level, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const a of counted) if (a.level !== null) distribution[a.level] += 1;
  const level = counted.length ? (Math.min(...counted.map((a) => a.level ?? 0)) as Level) : null;
  return {
    practiceId: practice.id,
    stage: practice.stage,
    level,
    aggregate: "minimum",
    accountsCounted: counted.length,
    distribution,
    weakestAccountIds: counted.filter((a) => a.level === level).map((a) => a.accountId),
  };
}

export const STAGE_THRESHOLD: Level = 2;

/**
 * Stages are rungs: stage N needs every practice of stages 1..N at level 2 or more. A practice
 * that applies to no account in scope does not hold a stage back; an empty scope reaches none.
 */
export function organizationStage(levels: readonly PracticeLevel[], accountsInScope: number): 0 | Stage {
  if (accountsInScope === 0) return 0;
  let reached: 0 | Stage = 0;
  for (const stage of [1, 2, 3, 4, 5] as const) {
    const ofStage = levels.filter((l) => l.stage === stage);
    if (ofStage.some((l) => l.level !== null && l.level < STAGE_THRESHOLD)) break;
    reached = stage;
  }
  return reached;
}
