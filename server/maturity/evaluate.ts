import { checks as catalogueChecks, practices, type Check } from "./catalogue";
import { EvaluationContext } from "./context";
import type { AccountEvidence, MaturityEvidence } from "./evidence";
import { accountPracticeLevel, countsAsPass, organizationStage, practiceLevel } from "./levels";
import { OrgTree } from "./org-tree";
import { activeWaiver, judgeAttestations } from "./people";
import { outcome, type CheckResult, type Outcome, type WorkspaceEvaluation } from "./results";
import { rules } from "./rules";
import { noWorkloads, WORKLOAD_PRACTICES } from "./rules/workloads";
import { isInScope, resolveScope, type ScopeFilter } from "./scope";

export interface EvaluateOptions {
  now: Date;
  scope?: ScopeFilter;
  /** Defaults to the catalogue; tests pass a subset. */
  checks?: readonly Check[];
}

// Upload-based checks read workspace-wide rows that do not depend on the account: computed
// once per evaluation, not once per account.
const ACCOUNT_INDEPENDENT = new Set(["checkov-uploads", "scan-uploads", "sbom-uploads"]);

export function evaluateWorkspace(evidence: MaturityEvidence, options: EvaluateOptions): WorkspaceEvaluation {
  const scope = resolveScope(options.scope);
  const inScope = evidence.accounts.filter((a) => isInScope(a, scope));
  return summariseEvaluation(evaluateAccounts(evidence, inScope, options), inScope, scope, options);
}

export interface AccountsEvaluation {
  results: CheckResult[];
  accountLevels: WorkspaceEvaluation["accountLevels"];
}

/**
 * The results and practice levels of `accounts`, from evidence that holds at least their rows:
 * every rule reads the rows of the account it judges, so a batch of accounts with only its own
 * rows (and the shared evidence whole) judges each account as the whole workspace would.
 */
export function evaluateAccounts(
  evidence: MaturityEvidence,
  accounts: readonly AccountEvidence[],
  options: EvaluateOptions,
): AccountsEvaluation {
  const { now } = options;
  const checks = options.checks ?? catalogueChecks;
  const ctx = new EvaluationContext(evidence, now);
  const tree = new OrgTree(evidence);
  const shared = new Map<string, Outcome>();

  const results: CheckResult[] = [];
  for (const account of accounts) {
    for (const check of checks) {
      const computed =
        ACCOUNT_INDEPENDENT.has(check.source) && check.mode === "automated"
          ? (shared.get(check.id) ?? remember(shared, check.id, judge(check, account, ctx, tree)))
          : judge(check, account, ctx, tree);
      const waiver = activeWaiver(check.id, account, evidence.waivers, now);
      results.push({
        ...computed,
        evidenceIds: [...computed.evidenceIds],
        checkId: check.id,
        practiceId: check.practice,
        level: check.level,
        accountId: account.accountId,
        ...(waiver ? { waiver } : {}),
        countsAsPass: countsAsPass(computed.status, waiver !== undefined),
      });
    }
  }

  const byAccount = new Map<string, CheckResult[]>();
  for (const r of results) {
    const list = byAccount.get(r.accountId);
    if (list) list.push(r);
    else byAccount.set(r.accountId, [r]);
  }
  const accountLevels = accounts.flatMap((account) =>
    practices.map((practice) =>
      accountPracticeLevel(practice, account.accountId, byAccount.get(account.accountId) ?? [], checks),
    ),
  );
  return { results, accountLevels };
}

/** The organisation's levels and stage: from every account's levels, never from one batch's. */
export function summariseEvaluation(
  { results, accountLevels }: AccountsEvaluation,
  accounts: readonly AccountEvidence[],
  scope: WorkspaceEvaluation["scope"],
  options: EvaluateOptions,
): WorkspaceEvaluation {
  const practiceLevels = practices.map((practice) => practiceLevel(practice, accountLevels));
  return {
    evaluatedAt: options.now,
    scope,
    accounts: accounts.map((a) => ({ accountId: a.accountId, name: a.name, environment: a.environment, ouPath: a.ouPath })),
    results,
    accountLevels,
    practiceLevels,
    stage: organizationStage(practiceLevels, accounts.length),
  };
}

function judge(check: Check, account: AccountEvidence, ctx: EvaluationContext, tree: OrgTree): Outcome {
  if (check.mode === "manual") return judgeAttestations(check, account, ctx.evidence.attestations, ctx.now);
  const rule = rules[check.id];
  if (!rule) return outcome.error(`No rule computes the automated check ${check.id}.`);
  // Before the check's own gate: a practice that does not apply needs none of its own data.
  const exempt = WORKLOAD_PRACTICES.has(check.practice) ? noWorkloads(ctx, account) : undefined;
  if (exempt) return exempt;
  const gate = ctx.syncGate(check, account);
  if (gate) return gate;
  try {
    return rule({ ctx, tree, check, account });
  } catch (error) {
    return outcome.error(`The check could not be computed: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function remember(map: Map<string, Outcome>, key: string, value: Outcome): Outcome {
  map.set(key, value);
  return value;
}
