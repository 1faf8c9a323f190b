import { outcome, type Outcome } from "../results";
import type { RuleInput } from "./rule";

// AWS Organizations: SCPs do not affect any user or role in the management account, whichever
// OU or root it sits under. Crediting it with the root's policies would report guardrails it
// does not have; failing it would ask for guardrails it cannot have. What protects it is
// keeping workloads, and the people who run them, out of it.

export function isManagementAccount({ ctx, account }: RuleInput): boolean {
  return account.isManagement || account.accountId === ctx.evidence.managementAccountId;
}

/**
 * Not applicable for the management account, with `consequence` saying what that means for the
 * check; undefined for every other account, which the SCP rule then judges.
 */
export function outsideScps(input: RuleInput, consequence: string): Outcome | undefined {
  if (!isManagementAccount(input)) return undefined;
  return outcome.notApplicable(
    `SCPs never apply to the organisation's management account, so ${consequence}; keep workloads out of the management account instead.`,
    [input.account.id],
  );
}
