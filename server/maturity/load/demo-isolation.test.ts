import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { startWorker } from "~/server/ingest/worker";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import type { MaturityEvidence } from "../evidence";
import { loadSyncedEvidence } from ".";
import { syncEverything } from "./demo-org-setup";

// Two workspaces connect the same simulated organisation: the same account numbers, the same
// resources, the same cost figures. Anything joined by account number instead of through the
// workspace would show up twice, or in the wrong workspace.
const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());

const rowsOf = (evidence: MaturityEvidence) =>
  Object.values(evidence).flatMap((value: unknown) => (Array.isArray(value) ? (value as Array<{ id: string }>) : []));

describe("a second workspace on the same organisation", () => {
  it("never reaches the first workspace's evidence, nor the first the second's", async () => {
    const first = await workspaceWithDemoOrganization(sim.current, "First");
    await syncEverything(first);
    const now = new Date();
    const before = await loadSyncedEvidence(first.workspace.id, now);

    const second = await workspaceWithDemoOrganization(sim.current, "Second");
    await syncEverything(second);
    const after = await loadSyncedEvidence(first.workspace.id, now);
    const neighbour = await loadSyncedEvidence(second.workspace.id, now);

    expect(neighbour.accounts.map((a) => a.accountId)).toEqual(before.accounts.map((a) => a.accountId));
    expect(after).toEqual(before);
    const firstIds = new Set(rowsOf(after).map((r) => r.id));
    expect(rowsOf(neighbour).filter((r) => firstIds.has(r.id))).toEqual([]);
    expect(rowsOf(neighbour).length).toBe(rowsOf(after).length);

    const uploads = await db.upload.findMany({ where: { workspaceId: first.workspace.id }, select: { id: true } });
    expect(after.uploads.map((u) => u.id).sort()).toEqual(uploads.map((u) => u.id).sort());
    // Both connected the same organisation, so its CI sent each workspace the same reports.
    expect(after.uploads.length).toBeGreaterThan(0);
    expect(neighbour.uploads.map((u) => [u.kind, u.repository, u.branch, u.commit])).toEqual(
      after.uploads.map((u) => [u.kind, u.repository, u.branch, u.commit]),
    );
  }, 240_000);
});
