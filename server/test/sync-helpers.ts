import { connectDemoOrganization } from "~/server/accounts/demo.service";
import { db } from "~/server/db";
import { getRun } from "~/server/ingest/runs.service";
import { workspaceWithOwner } from "./fixtures";
import type { RunningSimulator } from "~/simulator";

// A workspace with the simulator's organisation connected through the demo path.
export async function workspaceWithDemoOrganization(sim: RunningSimulator, name = "Sync") {
  process.env.LADDER_DEMO = "1";
  process.env.LADDER_SIM_CONTROL_URL = sim.url;
  const { resetEnvCache } = await import("~/server/env");
  resetEnvCache();
  const owner = await workspaceWithOwner(name);
  const connected = await connectDemoOrganization({
    workspaceId: owner.workspace.id,
    workspaceSlug: owner.slug,
    actor: { userId: owner.owner.id },
  });
  return { ...owner, ...connected };
}

export async function waitForRun(workspaceId: string, runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun({ workspaceId, runId });
    if (run.finishedAt) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish: ${run.tasksDone}/${run.tasksTotal} tasks done`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const countRows = async (organizationRefId: string) => ({
  members: await db.orgMember.count({ where: { organizationRefId } }),
  units: await db.orgUnit.count({ where: { organizationRefId } }),
  policies: await db.scp.count({ where: { organizationRefId } }),
});

// The maturity evaluation a finished run queues, once the worker has stored it.
export async function waitForSnapshot(workspaceId: string, syncRunId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = await db.maturitySnapshot.findFirst({ where: { workspaceId, syncRunId } });
    if (snapshot) return snapshot;
    if (Date.now() > deadline) throw new Error(`run ${syncRunId} was not evaluated`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
