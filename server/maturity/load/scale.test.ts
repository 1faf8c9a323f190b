import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { evaluateWorkspace } from "../evaluate";
import { loadSyncedEvidence } from ".";
import { FULL_VOLUME, QUICK_VOLUME, SCALE_ACCOUNTS, writeScaleWorkspace } from "./scale-rows";

// A workspace of 1,000 accounts loads whole (its speed is `npm run bench:maturity`'s to measure,
// and printed here). LADDER_SCALE_FULL=1 writes the full
// history (13 months of cost, about 2.8 million rows, and a year of deployments) first, which
// takes minutes here; by default the test writes the two months and 120 days the loader reads.
const volume = process.env.LADDER_SCALE_FULL === "1" ? FULL_VOLUME : QUICK_VOLUME;
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await workspaceWithOwner("Scale")).workspace.id;
  const started = performance.now();
  await writeScaleWorkspace(workspaceId, volume);
  console.info(`1,000-account workspace (${JSON.stringify(volume)}) written in ${Math.round(performance.now() - started)} ms`);
}, 300_000);

// Other tests evaluate every due workspace; this one is not theirs to wait for.
afterAll(async () => {
  await db.workspace.delete({ where: { id: workspaceId } });
}, 120_000);

describe("loading a 1,000-account workspace", () => {
  it("reads what the rules need, for every account", async () => {
    const now = new Date();
    const timings: number[] = [];
    let evidence = await loadSyncedEvidence(workspaceId, now);
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      evidence = await loadSyncedEvidence(workspaceId, now);
      timings.push(Math.round(performance.now() - started));
    }
    const evaluated = performance.now();
    const evaluation = evaluateWorkspace(evidence, { now, scope: { environments: ["prod", "staging", "sandbox"] } });
    console.info(
      `loadSyncedEvidence, 1,000 accounts: ${timings.join(", ")} ms; evaluateWorkspace: ${Math.round(performance.now() - evaluated)} ms`,
    );

    expect(evidence.accounts).toHaveLength(SCALE_ACCOUNTS);
    expect(evaluation.accounts).toHaveLength(SCALE_ACCOUNTS);
    // One month of EC2 per account, summed from the account's own grouping rows only.
    expect(evidence.ec2Months).toHaveLength(SCALE_ACCOUNTS);
    for (const month of evidence.ec2Months.slice(0, 5)) {
      const daysIn = new Date(Date.UTC(Number(month.month.slice(0, 4)), Number(month.month.slice(5)), 0)).getUTCDate();
      expect(month).toMatchObject({
        ec2Cost: 30 * daysIn,
        gravitonCost: 20 * daysIn,
        spotCost: 10 * daysIn,
        nodePoolCost: 10 * daysIn,
      });
    }
    expect(evidence.commitments).toHaveLength(2 * SCALE_ACCOUNTS);
    expect(evidence.commitments[0]).toMatchObject({ utilisationPct: 60, unusedCost: 1200 });
    // Five sources per account and two organisation-wide ones, from 30 runs of tasks.
    expect(evidence.sourceSyncs).toHaveLength(5 * SCALE_ACCOUNTS + 2);
    // Critical findings only, Inspector's only when active; deployments and incidents of 90 days.
    expect(evidence.ecrFindings).toHaveLength(8 * SCALE_ACCOUNTS);
    expect(evidence.inspectorFindings).toHaveLength(6 * SCALE_ACCOUNTS);
    expect(evidence.deployments).toHaveLength(89 * SCALE_ACCOUNTS);
    expect(evidence.incidents).toHaveLength(13 * SCALE_ACCOUNTS);
  }, 120_000);
});
