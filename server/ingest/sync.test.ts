import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { countRows, waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { startWorker } from "./worker";

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());

describe("sync", () => {
  it("pulls the organisation into Postgres and a second run adds no duplicates", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current);
    const first = await startSync({
      workspaceId: ws.workspace.id,
      actor: { userId: ws.owner.id },
      trigger: "manual",
      sources: ["organization"],
    });
    const run = await waitForRun(ws.workspace.id, first.id);
    expect(run.status).toBe("succeeded");
    const org = sim.current.state.organization;
    const expected = { members: org.accounts.length, units: org.units.length, policies: org.policies.length };
    expect(await countRows(ws.organizationRef)).toEqual(expected);
    expect(run.rowsInserted).toBeGreaterThanOrEqual(expected.members + expected.units + expected.policies);
    expect(run.apiCalls.organizations).toBeGreaterThan(0);

    const second = await waitForRun(
      ws.workspace.id,
      (
        await startSync({
          workspaceId: ws.workspace.id,
          actor: { userId: ws.owner.id },
          trigger: "manual",
          sources: ["organization"],
        })
      ).id,
    );
    expect(second.status).toBe("succeeded");
    expect(second.rowsInserted).toBe(0);
    // Only what changes in AWS between two reads (a trail's latest delivery time) is rewritten.
    expect(second.rowsUpdated).toBeLessThanOrEqual(
      await db.awsTrail.count({ where: { awsAccount: { workspaceId: ws.workspace.id } } }),
    );
    expect(second.rowsDeleted).toBe(0);
    expect(await countRows(ws.organizationRef)).toEqual(expected);
  });
});
