import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSync } from "~/server/ingest/runs.service";
import { startWorker } from "~/server/ingest/worker";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import type { IncidentsOverview } from "./types";

// The demo organisation's incident story (DESIGN.md: incidents drop after canaries arrive), synced
// from the simulator with only the sources the Incidents page reads, on a fixed day.
//
// The table below was worked out by hand from the simulator's data for seed and size of the default
// simulator and today = 2026-11-18, reading simulator/data/deployments.ts and alarms.ts:
// - checkout (503965458949) is the first prod account; its API group ships all at once until
//   canaryStart = monthStart(today, -7) = 2026-04-01, then CodeDeployDefault.ECSCanary10Percent5Minutes.
//   Its first canary deployment completed 2026-04-02T11:37Z: the change.
// - Both of its groups are watched by the checkout-api-5xx-rate and -p99-latency alarms, tagged
//   service=checkout, so the change's scope is (503965458949, checkout): both groups' deployments and
//   the incidents of its three alarms (one per ALARM transition).
// - 90 days before [2026-01-02T11:37Z, 2026-04-02T11:37Z): 56 deployments completed, 20 alarm episodes
//   started (weekly chance 0.45 per alarm before canaries); 90 days after, up to the change + 90 days:
//   57 deployments, 5 episodes (weekly chance 0.12). Incident Manager (simulator/data/incident-records.ts)
//   opens a record for each episode of 10 minutes or more (the same incident: same alarm ARN, counted
//   once) and adds manual records without an alarm on service checkout: one before ("customer reports
//   failed checkouts", 2026-02-14T22:32Z) and one after ("partner API outage", 2026-04-14T12:02Z).
//   Incidents: 21 before, 6 after. Per 100 deployments: 2100/56 = 37.5 before, 600/57 = 10.526… after.

const NOW = new Date("2026-11-18T12:00:00Z");
vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
const sim = useAwsSimulator({ demoRoles: false, today: NOW });
let worker: Awaited<ReturnType<typeof startWorker>>;
let ws: Awaited<ReturnType<typeof workspaceWithDemoOrganization>>;
let overview: IncidentsOverview;

const CHECKOUT = "503965458949";
const CHANGE = "canary:checkout-api/checkout-api-prod:2026-04-02T11:37:00.000Z";

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
  ws = await workspaceWithDemoOrganization(sim.current, "Demo incidents");
  const started = await startSync({
    workspaceId: ws.workspace.id,
    actor: { userId: ws.owner.id },
    trigger: "manual",
    sources: ["organization", "incidents", "delivery", "chaos"],
  });
  const run = await waitForRun(ws.workspace.id, started.id, 150_000);
  expect(run.errors).toEqual([]);
  overview = await ws.caller.incidents.overview({ workspace: ws.slug });
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  vi.useRealTimers();
});

describe("the demo organisation's incidents", () => {
  it("shows a year of alarm incidents and deployments, and suggests the canary arrival on checkout's API", () => {
    expect(overview.filters).toMatchObject({ from: "2025-11-19", to: "2026-11-19", bucket: "month" });
    expect(overview.buckets).toHaveLength(13);
    expect(overview.totals.incidents).toBeGreaterThan(0);
    expect(overview.sources).toEqual(expect.arrayContaining(["CloudWatch alarms", "CodeDeploy"]));
    expect(overview.suggestions.map((s) => s.id)).toContain(CHANGE);
    expect(overview.options.services).toContain("checkout");
  });

  it("tells the story before and after canaries arrive, equal to the table worked out by hand", async () => {
    const c = await ws.caller.incidents.compare({ workspace: ws.slug, changeId: CHANGE });
    expect(c.change).toMatchObject({ kind: "canary", accountId: CHECKOUT, service: "checkout" });
    const side = (s: typeof c.before) => [s.from, s.deployments, s.incidents, s.incidentsPer100Deployments];
    expect(side(c.before)).toEqual(["2026-01-02T11:37:00.000Z", 56, 21, 2100 / 56]);
    expect(side(c.after)).toEqual(["2026-04-02T11:37:00.000Z", 57, 6, 600 / 57]);
  });
});
