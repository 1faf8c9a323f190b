import type { Check } from "../catalogue";
import type { EvaluationContext } from "../context";
import type { AccountEvidence } from "../evidence";
import type { OrgTree } from "../org-tree";
import type { Decisive, DecisiveValue, Outcome } from "../results";

export interface RuleInput {
  ctx: EvaluationContext;
  tree: OrgTree;
  check: Check;
  account: AccountEvidence;
}

/** Computes one automated check for one account; the evaluator has already gated on sync freshness. */
export type Rule = (input: RuleInput) => Outcome;

export const listed = (names: readonly string[], max = 3): string =>
  names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Names, for each cited row, the fields that decided the verdict and the values the rule read. */
export function decided<R extends { id: string }>(rows: readonly R[], pick: (row: R) => Record<string, DecisiveValue>): Decisive {
  return Object.fromEntries(rows.map((row) => [row.id, pick(row)]));
}
