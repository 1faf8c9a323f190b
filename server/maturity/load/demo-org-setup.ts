import { expect } from "vitest";
import { startSync } from "~/server/ingest/runs.service";
import { waitForRun } from "~/server/test/sync-helpers";

// What the demo tests do before loading: one full sync. The CI uploads arrive with the demo
// organisation itself (server/accounts/demo-ci.ts), as they do for a person who connects it.

export async function syncEverything(ws: { workspace: { id: string }; owner: { id: string } }) {
  const started = await startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual" });
  const run = await waitForRun(ws.workspace.id, started.id, 150_000);
  expect(run.errors).toEqual([]);
  expect(run.status).toBe("succeeded");
  return run;
}
