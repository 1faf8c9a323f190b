import { findCheck } from "./catalogue";
import { evaluateWorkspace } from "./evaluate";
import { emptyEvidence, type AccountEvidence, type MaturityEvidence } from "./evidence";
import type { CheckResult } from "./results";

// Hand-built evidence for golden tests: a small organisation whose tree is
// root › Workloads › Prod › Payments, with every sync source fresh unless a test says otherwise.

export const NOW = new Date("2026-05-15T12:00:00Z");
const DAY_MS = 86_400_000;
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);

export const ROOT = "r-root";
export const PROD_ACCOUNT = "111111111111";
export const STAGING_ACCOUNT = "222222222222";
export const MANAGEMENT_ACCOUNT = "999999999999";
export const SYNC_SOURCES = ["organization", "cost", "scans", "chaos", "incidents", "delivery", "tracing"];

let counter = 0;
export const nextId = (prefix: string): string => `${prefix}-${++counter}`;

export function account(overrides: Partial<AccountEvidence> = {}): AccountEvidence {
  return {
    id: nextId("acct"),
    accountId: PROD_ACCOUNT,
    name: "payments-prod",
    environment: "prod",
    ouPath: "/Workloads/Prod",
    parentId: "ou-prod",
    isManagement: false,
    observedAt: daysAgo(1),
    ...overrides,
  };
}

export function organizationEvidence(): MaturityEvidence {
  const evidence = emptyEvidence();
  evidence.managementAccountId = MANAGEMENT_ACCOUNT;
  const unit = (ouId: string, name: string, parentId: string, path: string) => ({
    id: nextId("ou"),
    ouId,
    name,
    parentId,
    path,
    observedAt: daysAgo(1),
  });
  evidence.orgUnits = [
    unit("ou-workloads", "Workloads", ROOT, "/Workloads"),
    unit("ou-prod", "Prod", "ou-workloads", "/Workloads/Prod"),
    unit("ou-payments", "Payments", "ou-prod", "/Workloads/Prod/Payments"),
    unit("ou-staging", "Staging", "ou-workloads", "/Workloads/Staging"),
    unit("ou-security", "Security", ROOT, "/Security"),
  ];
  evidence.accounts = [
    account(),
    account({
      accountId: STAGING_ACCOUNT,
      name: "payments-staging",
      environment: "staging",
      ouPath: "/Workloads/Staging",
      parentId: "ou-staging",
    }),
  ];
  for (const a of [...evidence.accounts.map((x) => x.accountId), MANAGEMENT_ACCOUNT]) {
    for (const source of SYNC_SOURCES) {
      evidence.sourceSyncs.push({ id: nextId("sync"), accountId: a, source, status: "succeeded", observedAt: daysAgo(1) });
    }
  }
  return evidence;
}

export function scp(name: string, statements: unknown[], targets: Array<[string, "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT"]>) {
  return {
    id: nextId("scp"),
    policyId: `p-${name}`,
    name,
    awsManaged: false,
    document: { Version: "2012-10-17", Statement: statements },
    targets: targets.map(([targetId, type]) => ({ targetId, type })),
    observedAt: daysAgo(1),
  };
}

export function evaluateCheck(
  evidence: MaturityEvidence,
  checkId: string,
  accountId: string = PROD_ACCOUNT,
  now: Date = NOW,
): CheckResult {
  const check = findCheck(checkId);
  if (!check) throw new Error(`unknown check ${checkId}`);
  const evaluation = evaluateWorkspace(evidence, { now, checks: [check], scope: { accountIds: [accountId] } });
  const result = evaluation.results.find((r) => r.accountId === accountId);
  if (!result) throw new Error(`account ${accountId} was not evaluated`);
  return result;
}

/** Drops every sync record of a source, as if it had never run. */
export function withoutSync(evidence: MaturityEvidence, source: string): MaturityEvidence {
  return { ...evidence, sourceSyncs: evidence.sourceSyncs.filter((s) => s.source !== source) };
}
