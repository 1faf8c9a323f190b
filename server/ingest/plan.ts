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
