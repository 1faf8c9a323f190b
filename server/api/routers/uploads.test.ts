import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { sarifReport } from "~/server/test/sarif-report";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";
import { receiveUpload } from "~/server/uploads/uploads.service";

// Reports staged for the worker, in each state it leaves them, as the request and the worker write them.
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

async function stagedReports(workspaceId: string) {
  const stage = (status: string, filename: string, createdAt: Date, extra: object = {}) =>
    db.uploadIntake.create({
      data: { workspaceId, status, filename, sizeBytes: 6_000_000, meta: { filename }, createdAt, ...extra },
      select: { id: true },
    });
  return {
    receiving: await stage("receiving", "still-sending.sarif", ago(MINUTE_MS)),
    queued: await stage("queued", "queued.sarif", ago(2 * MINUTE_MS)),
    processing: await stage("processing", "reading.sarif", ago(3 * MINUTE_MS), { attempts: 1 }),
    failed: await stage("failed", "broken.sarif", ago(4 * MINUTE_MS), {
      error: "The SARIF report ends part-way through its results.",
      finishedAt: ago(4 * MINUTE_MS),
    }),
    failedLongAgo: await stage("failed", "old.sarif", ago(8 * DAY_MS), { error: "Old failure.", finishedAt: ago(8 * DAY_MS) }),
  };
}

describe("uploads.status", () => {
  it("shows a staged report waiting, being read or failed with its reason, to any member", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Follower");
    const { caller: viewer } = await addMember(caller, slug, "viewer");
    const staged = await stagedReports(workspace.id);

    expect(await viewer.uploads.status({ workspace: slug, id: staged.queued.id })).toMatchObject({
      id: staged.queued.id,
      status: "queued",
      filename: "queued.sarif",
      sizeBytes: 6_000_000,
    });
    // A report whose request is still sending is, to the person waiting, not read yet.
    expect(await viewer.uploads.status({ workspace: slug, id: staged.receiving.id })).toMatchObject({ status: "queued" });
    expect(await viewer.uploads.status({ workspace: slug, id: staged.processing.id })).toMatchObject({ status: "processing" });
    const failed = await viewer.uploads.status({ workspace: slug, id: staged.failed.id });
    expect(failed).toMatchObject({ status: "failed", error: "The SARIF report ends part-way through its results." });
    expect(failed).not.toHaveProperty("counts");
  });

  it("shows a stored report with its counts and warnings, as the upload's 201 did", async () => {
    const { owner, caller, slug, workspace } = await workspaceWithOwner("Stored");
    const { caller: viewer } = await addMember(caller, slug, "viewer");
    const text = sarifReport(12);
    const stored = await receiveUpload({
      uploader: { workspaceId: workspace.id, role: "owner", userId: owner.id },
      text,
      sizeBytes: Buffer.byteLength(text),
      meta: { filename: "results.sarif" },
    });

    const status = await viewer.uploads.status({ workspace: slug, id: stored.id });
    expect(status).toMatchObject({
      id: stored.id,
      status: "stored",
      kind: "checkov",
      format: "sarif",
      tool: { name: "Checkov", version: "3.2.255" },
      filename: "results.sarif",
      counts: { findings: 12, failed: 12 },
      warnings: stored.warnings,
    });
    expect(await viewer.uploads.pending({ workspace: slug })).toEqual([]);
  });

  it("gives another workspace NOT_FOUND, through its own address or this one, and an unknown id NOT_FOUND", async () => {
    const { owner, slug, workspace } = await workspaceWithOwner("Owner of the uploads");
    const stranger = await workspaceWithOwner("Stranger");
    const staged = await stagedReports(workspace.id);
    const text = sarifReport(3);
    const stored = await receiveUpload({
      uploader: { workspaceId: workspace.id, role: "owner", userId: owner.id },
      text,
      sizeBytes: Buffer.byteLength(text),
      meta: {},
    });

    for (const id of [staged.queued.id, staged.failed.id, stored.id]) {
      for (const address of [stranger.slug, slug]) {
        await expect(stranger.caller.uploads.status({ workspace: address, id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    }
    await expect(stranger.caller.uploads.status({ workspace: stranger.slug, id: "no-such-upload" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("uploads.pending", () => {
  it("lists the reports waiting or being read and this week's failures, newest first, to this workspace only", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Pending");
    const { caller: viewer } = await addMember(caller, slug, "viewer");
    const stranger = await workspaceWithOwner("Stranger");
    const staged = await stagedReports(workspace.id);
    await db.uploadIntake.create({
      data: { workspaceId: workspace.id, status: "stored", filename: "done.sarif", meta: {}, finishedAt: new Date() },
    });

    const pending = await viewer.uploads.pending({ workspace: slug });
    expect(pending.map((p) => [p.id, p.status, p.filename])).toEqual([
      [staged.queued.id, "queued", "queued.sarif"],
      [staged.processing.id, "processing", "reading.sarif"],
      [staged.failed.id, "failed", "broken.sarif"],
    ]);
    expect(pending[2]).toMatchObject({ error: "The SARIF report ends part-way through its results.", sizeBytes: 6_000_000 });
    expect(pending[0]).not.toHaveProperty("meta");

    expect(await stranger.caller.uploads.pending({ workspace: stranger.slug })).toEqual([]);
    await expect(stranger.caller.uploads.pending({ workspace: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
