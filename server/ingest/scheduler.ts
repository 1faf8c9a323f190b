import { db } from "~/server/db";
import { startSync } from "./runs.service";

// Runs every ten minutes on one worker: each workspace with a schedule and connected accounts
// gets a run when its last one is older than its interval (daily by default).
export async function scheduleDueSyncs(now: Date): Promise<string[]> {
  const workspaces = await db.workspace.findMany({
    where: { syncEveryHours: { not: null }, awsAccounts: { some: { status: "connected" } } },
    select: {
      id: true,
      syncEveryHours: true,
      syncRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const started: string[] = [];
  for (const workspace of workspaces) {
    const last = workspace.syncRuns[0]?.createdAt;
    if (last && now.getTime() - last.getTime() < workspace.syncEveryHours! * 3_600_000) continue;
    const run = await startSync({ workspaceId: workspace.id, actor: { label: "schedule" }, trigger: "schedule" });
    started.push(run.id);
  }
  return started;
}
