import { db } from "~/server/db";
import { startSync } from "./runs.service";

// While accounts are being connected or changed, scheduled runs wait: connecting an organisation
// takes a while, and a run started half-way would sync only the accounts connected so far.
export const QUIET_MS = 10 * 60_000;

// Runs every ten minutes on one worker: each workspace with a schedule and connected accounts
// gets a run when its last one is older than its interval (daily by default) and none of its
// accounts changed in the last ten minutes.
export async function scheduleDueSyncs(now: Date): Promise<string[]> {
  const workspaces = await db.workspace.findMany({
    where: { syncEveryHours: { not: null }, awsAccounts: { some: { status: "connected" } } },
    select: {
      id: true,
      syncEveryHours: true,
      syncRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      awsAccounts: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });
  const started: string[] = [];
  for (const workspace of workspaces) {
    const last = workspace.syncRuns[0]?.createdAt;
    if (last && now.getTime() - last.getTime() < workspace.syncEveryHours! * 3_600_000) continue;
    const lastChange = workspace.awsAccounts[0]?.updatedAt;
    if (lastChange && now.getTime() - lastChange.getTime() < QUIET_MS) continue;
    const run = await startSync({ workspaceId: workspace.id, actor: { label: "schedule" }, trigger: "schedule" });
    started.push(run.id);
  }
  return started;
}
