import { describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";
import {
  mergeIncidentsAround,
  mergeOutdatedWorkspaces,
  mergeWorkspaceIncidents,
  SAME_INCIDENT_RULE_VERSION,
} from "./merge-store";
import { mergeSameIncidents } from "./same-incident";

// The stored merge (Incident.mergedInto) must always be what the same-incident rule gives over every
// row of the workspace, however the rows arrived: merged whole, or around each writer's rows.

const ACCOUNTS = ["111111111111", "222222222222"];
const SERVICES = ["checkout", "search", null];
const SOURCES = ["cloudwatch", "incident-manager", "pagerduty", "opsgenie"];
const BASE = Date.UTC(2026, 9, 1, 12);
const arnOf = (account: string, n: number) => `arn:aws:cloudwatch:us-east-1:${account}:alarm:alarm-${n}`;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

async function account(workspaceId: string, accountId: string) {
  return db.awsAccount.create({
    data: { workspaceId, kind: "account", externalId: "e".repeat(40), accountId, name: accountId, status: "connected" },
  });
}

/** Rows crowded into twelve hours so that many pairs meet within 15 minutes or share an alarm. */
function rows(workspaceId: string, refs: Map<string, string>, uploadId: string, count: number, seed: number, key: string) {
  const next = random(seed);
  return Array.from({ length: count }, (_, i): Prisma.IncidentCreateManyInput => {
    const accountId = ACCOUNTS[next(ACCOUNTS.length)]!;
    const source = SOURCES[next(SOURCES.length)]!;
    const synced = source === "cloudwatch" || source === "incident-manager";
    const start = BASE + next(12 * 60) * 60_000;
    return {
      workspaceId,
      source,
      externalKey: `${key}-${i}`,
      title: `${key}-${i}`,
      accountId,
      service: SERVICES[next(SERVICES.length)],
      alarmArn: source === "opsgenie" || next(3) === 0 ? null : arnOf(accountId, next(3)),
      startedAt: new Date(start),
      resolvedAt: next(5) === 0 ? null : new Date(start + (5 + next(90)) * 60_000),
      awsAccountRef: synced ? refs.get(accountId)! : null,
      uploadId: synced ? null : uploadId,
    };
  });
}

/** Every row's incident as the rule gives it over all rows (first row's id), and as stored. */
async function expectedAndStored(workspaceId: string) {
  const all = await db.incident.findMany({
    where: { workspaceId },
    select: {
      id: true,
      source: true,
      accountId: true,
      service: true,
      alarmArn: true,
      startedAt: true,
      resolvedAt: true,
      mergedInto: true,
    },
  });
  const expected = new Map<string, string | null>();
  for (const { row, alsoFrom } of mergeSameIncidents(all)) {
    expected.set(row.id, null);
    for (const also of alsoFrom) expected.set(also.id, row.id);
  }
  return { expected, stored: new Map(all.map((r) => [r.id, r.mergedInto])), merged: all.filter((r) => r.mergedInto).length };
}

async function workspaceWithRows(name: string) {
  const { workspace } = await workspaceWithOwner(name);
  const refs = new Map<string, string>();
  for (const id of ACCOUNTS) refs.set(id, (await account(workspace.id, id)).id);
  const upload = await db.upload.create({
    data: { workspaceId: workspace.id, kind: "incidents", format: "json", tool: "pagerduty", sizeBytes: 1, summary: {} },
  });
  return { workspaceId: workspace.id, refs, uploadId: upload.id };
}

describe("the stored same-incident merge", () => {
  it("merged whole, is the rule over every row", async () => {
    const { workspaceId, refs, uploadId } = await workspaceWithRows("Merge whole");
    await db.incident.createMany({ data: rows(workspaceId, refs, uploadId, 240, 7, "a") });
    await mergeWorkspaceIncidents(workspaceId);
    const { expected, stored, merged } = await expectedAndStored(workspaceId);
    expect(stored).toEqual(expected);
    // The rows do hold merges of both kinds, and chains.
    expect(merged).toBeGreaterThan(40);
    expect([...expected.values()].filter((v) => v === null).length).toBeGreaterThan(40);
    // Merging again changes nothing.
    expect(await mergeWorkspaceIncidents(workspaceId)).toBe(0);
  });

  it("merged around each writer's rows, as rows arrive, change and go, is still the rule over every row", async () => {
    const { workspaceId, refs, uploadId } = await workspaceWithRows("Merge around");
    const [first, second] = ACCOUNTS.map((a) => ({ awsAccountRef: refs.get(a)! }));
    const generated = rows(workspaceId, refs, uploadId, 240, 11, "b");
    const synced = generated.filter((r) => r.awsAccountRef);
    // 1. One account's sync writes its rows.
    await db.incident.createMany({ data: synced.filter((r) => r.awsAccountRef === first!.awsAccountRef) });
    await mergeIncidentsAround(workspaceId, first!);
    // 2. The other account's sync.
    await db.incident.createMany({ data: synced.filter((r) => r.awsAccountRef === second!.awsAccountRef) });
    await mergeIncidentsAround(workspaceId, second!);
    let state = await expectedAndStored(workspaceId);
    expect(state.stored).toEqual(state.expected);
    // 3. An upload arrives whose pages join synced incidents and bridge some.
    await db.incident.createMany({ data: generated.filter((r) => r.uploadId) });
    await mergeIncidentsAround(workspaceId, { uploadId });
    state = await expectedAndStored(workspaceId);
    expect(state.stored).toEqual(state.expected);
    expect(state.merged).toBeGreaterThan(40);
    // 4. A re-sync finds an alarm episode resolved later (it now reaches further) and another gone:
    //    the first row of an incident, whose other rows are freed by the database and merged again.
    const firsts = await db.incident.findMany({
      where: { workspaceId, awsAccountRef: first!.awsAccountRef, alsoFrom: { some: {} } },
      orderBy: { startedAt: "asc" },
      select: { id: true, startedAt: true },
    });
    expect(firsts.length).toBeGreaterThan(2);
    await db.incident.delete({ where: { id: firsts[0]!.id } });
    await db.incident.update({
      where: { id: firsts[1]!.id },
      data: { resolvedAt: new Date(firsts[1]!.startedAt.getTime() + 5 * 3_600_000) },
    });
    await mergeIncidentsAround(workspaceId, first!);
    state = await expectedAndStored(workspaceId);
    expect(state.stored).toEqual(state.expected);
  });

  it("is brought up to the current rule when a worker starts, for workspaces below it only", async () => {
    const old = await workspaceWithRows("Merge outdated");
    await db.incident.createMany({ data: rows(old.workspaceId, old.refs, old.uploadId, 60, 3, "c") });
    await db.workspace.update({ where: { id: old.workspaceId }, data: { incidentMergeVersion: 0 } });
    const current = await workspaceWithRows("Merge current");
    await db.incident.createMany({ data: rows(current.workspaceId, current.refs, current.uploadId, 60, 3, "d") });

    const merged = await mergeOutdatedWorkspaces();
    expect(merged).toContain(old.workspaceId);
    expect(merged).not.toContain(current.workspaceId);
    const state = await expectedAndStored(old.workspaceId);
    expect(state.stored).toEqual(state.expected);
    expect(state.merged).toBeGreaterThan(0);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: old.workspaceId } })).incidentMergeVersion).toBe(
      SAME_INCIDENT_RULE_VERSION,
    );
    // The current workspace's rows were written without a merge and stay as written.
    expect((await expectedAndStored(current.workspaceId)).merged).toBe(0);
  });
});
