import { db } from "~/server/db";
import { sourceRunners } from "./runners";
import { sourceNames, type SourceName } from "./sources";

export interface PlannedTask {
  awsAccountRef: string;
  accountId: string;
  source: SourceName;
}

// Organisation-wide sources run once, in the account that can answer for everyone: the
// management account (Organizations, the payer's Cost Explorer). A single account outside any
// organisation is its own payer.
export async function planTasks(opts: {
  workspaceId: string;
  accountRefs?: string[];
  sources?: SourceName[];
}): Promise<PlannedTask[]> {
  const accounts = await db.awsAccount.findMany({
    where: {
      workspaceId: opts.workspaceId,
      status: "connected",
      accountId: { not: null },
      ...(opts.accountRefs?.length ? { id: { in: opts.accountRefs } } : {}),
    },
    orderBy: { accountId: "asc" },
    select: { id: true, accountId: true, kind: true, organizationRefId: true },
  });
  const wanted = new Set((opts.sources?.length ? opts.sources : sourceNames).filter((s) => sourceRunners[s]));
  const tasks: PlannedTask[] = [];
  for (const account of accounts) {
    const isManagement = account.kind === "organization";
    const isStandalone = account.kind === "account" && !account.organizationRefId;
    for (const source of sourceNames) {
      if (!wanted.has(source)) continue;
      if (source === "organization" && !isManagement) continue;
      if (source === "cost" && !isManagement && !isStandalone) continue;
      tasks.push({ awsAccountRef: account.id, accountId: account.accountId!, source });
    }
  }
  return tasks;
}

// The order tasks go on the queue. A worker that takes a task whose account or service is at its
// limit (withLimits) waits with the task in hand, so tasks that sit next to each other must
// differ in both: organisation-wide tasks first, then rounds over all accounts, each account
// giving one task per round and the source shifting by one from account to account. Any run of
// consecutive tasks then spreads evenly over accounts and sources.
export function queueOrder<T extends { awsAccountRef: string; source: string }>(tasks: readonly T[]): T[] {
  const orgWide = tasks.filter((t) => isOrganizationWide(t.source));
  const byAccount = new Map<string, T[]>();
  for (const task of tasks) {
    if (isOrganizationWide(task.source)) continue;
    const own = byAccount.get(task.awsAccountRef);
    if (own) own.push(task);
    else byAccount.set(task.awsAccountRef, [task]);
  }
  const accounts = [...byAccount.values()];
  const rounds = Math.max(0, ...accounts.map((a) => a.length));
  const ordered = [...orgWide];
  for (let round = 0; round < rounds; round++) {
    accounts.forEach((own, i) => {
      if (round < own.length) ordered.push(own[(i + round) % own.length]!);
    });
  }
  return ordered;
}

export const isOrganizationWide = (source: string) => source === "organization" || source === "cost";
