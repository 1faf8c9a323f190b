import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { startWorker } from "~/server/ingest/worker";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { sarifReport } from "~/server/test/sarif-report";
import { getUploadStatus, processStagedReport, resumeReadingReports, stopReadingReports } from "./intake.service";
import { handleUploadRequest } from "./upload-request";

async function tokenFor(role: "editor" | "viewer" = "editor") {
  const ws = await workspaceWithOwner("Big uploads");
  const token = await ws.caller.tokens.create({ workspace: ws.slug, name: "CI", role, expiresInDays: null });
  return { ...ws, token: token.token };
}

function uploadRequest(token: string, content: string | Buffer, filename = "results.sarif", fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), filename);
  return new Request("http://localhost/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

const setEnv = (values: Record<string, string>) => {
  for (const [k, v] of Object.entries(values)) vi.stubEnv(k, v);
  resetEnvCache();
};

async function waitForStatus(workspaceId: string, id: string, statuses: string[]) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await getUploadStatus({ workspaceId, id });
    if (statuses.includes(status.status)) return status;
    if (Date.now() > deadline) throw new Error(`upload ${id} stayed ${status.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const counts = async (workspaceId: string) => ({
  uploads: await db.upload.count({ where: { workspaceId } }),
  findings: await db.uploadFinding.count({ where: { upload: { workspaceId } } }),
  chunks: await db.uploadChunk.count({ where: { intake: { workspaceId } } }),
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("size limits", () => {
  it("refuses a body declared over the limit with 413 before reading it", async () => {
    const { token } = await tokenFor();
    setEnv({ LADDER_UPLOAD_MAX_MB: "1" });
    const body = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)) });
    const request = new Request("http://localhost/api/v1/uploads", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(3 * 1024 * 1024),
      },
      body,
      duplex: "half",
    } as RequestInit);
    await expect(handleUploadRequest(request)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/1 MB limit/),
    });
    expect(request.bodyUsed).toBe(false);
  });

  it("reads gzipped reports, and refuses one that inflates past the limit", async () => {
    const { token, workspace } = await tokenFor();
    const report = sarifReport(200);
    const plain = await handleUploadRequest(uploadRequest(token, report));
    const zipped = await handleUploadRequest(uploadRequest(token, gzipSync(report), "results.sarif.gz"));
    expect(zipped.status).toBe(201);
    expect(zipped.body).toMatchObject({ kind: "checkov", counts: { findings: 200 } });
    expect((zipped.body as { counts: unknown }).counts).toEqual((plain.body as { counts: unknown }).counts);

    // The whole multipart body compressed, as `Content-Encoding: gzip` says.
    const form = uploadRequest(token, report);
    const whole = new Request(form.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": form.headers.get("content-type")!,
        "content-encoding": "gzip",
      },
      body: gzipSync(Buffer.from(await form.arrayBuffer())),
    });
    expect(await handleUploadRequest(whole)).toMatchObject({ status: 201, body: { counts: { findings: 200 } } });

    setEnv({ LADDER_UPLOAD_MAX_MB: "1" });
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(handleUploadRequest(uploadRequest(token, bomb, "bomb.json.gz"))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(await counts(workspace.id)).toEqual({ uploads: 3, findings: 600, chunks: 0 });
  });

  it("refuses a file that is not gzip though named .gz", async () => {
    const { token } = await tokenFor();
    await expect(handleUploadRequest(uploadRequest(token, sarifReport(3), "results.sarif.gz"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not valid gzip/),
    });
  });
});

describe("reports read by a worker", () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  beforeAll(async () => {
    worker = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await worker.stop();
  });

  it("answers 202 for a report over the inline size, then stores exactly what the inline path stores", async () => {
    const { token, workspace } = await tokenFor();
    const report = sarifReport(3000);
    const inline = await handleUploadRequest(uploadRequest(token, report));
    setEnv({ LADDER_UPLOAD_INLINE_MB: "0.01" });
    const queued = await handleUploadRequest(uploadRequest(token, report, "results.sarif", { repository: "acme/infra" }));
    expect(queued).toMatchObject({ status: 202, body: { status: "queued", sizeBytes: Buffer.byteLength(report) } });
    const stored = await waitForStatus(workspace.id, queued.body.id, ["stored", "failed"]);
    expect(stored).toMatchObject({
      status: "stored",
      kind: "checkov",
      format: "sarif",
      counts: (inline.body as { counts: object }).counts,
    });
    const byFingerprint = async (uploadId: string) =>
      (
        await db.uploadFinding.findMany({
          where: { uploadId },
          select: { fingerprint: true, title: true, severity: true, file: true, line: true },
        })
      ).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
    expect(await byFingerprint(queued.body.id)).toEqual(await byFingerprint(inline.body.id));
    expect(await db.upload.findUniqueOrThrow({ where: { id: queued.body.id } })).toMatchObject({ repository: "acme/infra" });
    expect(await counts(workspace.id)).toEqual({ uploads: 2, findings: 6000, chunks: 0 });
  });

  it("refuses a large report whose structure breaks near its end while receiving it, storing nothing", async () => {
    const { token, workspace } = await tokenFor();
    setEnv({ LADDER_UPLOAD_INLINE_MB: "0.01" });
    await expect(handleUploadRequest(uploadRequest(token, sarifReport(20_000, { broken: "syntax" })))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'The upload is not valid JSON: unexpected "o" at line 20001.',
    });
    await expect(
      handleUploadRequest(uploadRequest(token, '{"hello": [1, 2, 3], "big": "' + "x".repeat(20_000) + '"}')),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Unrecognised upload/),
    });
    expect(await counts(workspace.id)).toEqual({ uploads: 0, findings: 0, chunks: 0 });
    expect(await db.uploadIntake.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("stores nothing from a report whose last result cannot be read, and says why", async () => {
    const { token, workspace } = await tokenFor();
    setEnv({ LADDER_UPLOAD_INLINE_MB: "0.01" });
    const queued = await handleUploadRequest(uploadRequest(token, sarifReport(20_000, { broken: "literal" })));
    expect(queued.status).toBe(202);
    const failed = await waitForStatus(workspace.id, queued.body.id, ["stored", "failed"]);
    expect(failed).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^The upload is not valid JSON: .* at line 20001\.$/),
    });
    expect(await counts(workspace.id)).toEqual({ uploads: 0, findings: 0, chunks: 0 });
  });

  it("another workspace cannot follow the upload", async () => {
    const { token, workspace } = await tokenFor();
    const other = await workspaceWithOwner("Other");
    setEnv({ LADDER_UPLOAD_INLINE_MB: "0.01" });
    const queued = await handleUploadRequest(uploadRequest(token, sarifReport(500)));
    await waitForStatus(workspace.id, queued.body.id, ["stored"]);
    await expect(getUploadStatus({ workspaceId: other.workspace.id, id: queued.body.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("a worker that stops while reading a report", () => {
  it("writes nothing, puts the report back on the queue, and the next reading stores it", async () => {
    const { token, workspace } = await tokenFor();
    setEnv({ LADDER_UPLOAD_INLINE_MB: "0.01" });
    // No worker runs in this block: the test reads the staged report itself.
    const queued = await handleUploadRequest(uploadRequest(token, sarifReport(40_000)));
    expect(queued.status).toBe(202);
    expect((await counts(workspace.id)).chunks).toBeGreaterThan(3);
    const reading = processStagedReport({ intakeId: queued.body.id, isLastAttempt: false });
    setImmediate(stopReadingReports);
    await expect(reading).rejects.toThrow(/shutting down/);
    expect(await getUploadStatus({ workspaceId: workspace.id, id: queued.body.id })).toMatchObject({ status: "queued" });
    expect(await counts(workspace.id)).toMatchObject({ uploads: 0, findings: 0 });
    resumeReadingReports();
    await processStagedReport({ intakeId: queued.body.id, isLastAttempt: false });
    expect(await getUploadStatus({ workspaceId: workspace.id, id: queued.body.id })).toMatchObject({
      status: "stored",
      counts: { findings: 40_000 },
    });
    expect(await counts(workspace.id)).toEqual({ uploads: 1, findings: 40_000, chunks: 0 });
  });
});

describe("who may upload", () => {
  it("refuses a token naming another workspace, and a token over its hourly uploads", async () => {
    const { token } = await tokenFor();
    const other = await workspaceWithOwner("Elsewhere");
    await expect(
      handleUploadRequest(uploadRequest(token, sarifReport(1), "r.sarif", { workspace: other.slug })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    setEnv({ LADDER_TOKEN_UPLOADS_PER_HOUR: "2" });
    const fresh = await tokenFor();
    await handleUploadRequest(uploadRequest(fresh.token, sarifReport(1)));
    await handleUploadRequest(uploadRequest(fresh.token, sarifReport(1)));
    await expect(handleUploadRequest(uploadRequest(fresh.token, sarifReport(1)))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: expect.any(Number),
    });
  });
});
