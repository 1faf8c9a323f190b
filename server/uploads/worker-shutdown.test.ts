import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { startWorker } from "~/server/ingest/worker";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { sarifReport } from "~/server/test/sarif-report";
import { getUploadStatus } from "./intake.service";
import { handleUploadRequest } from "./upload-request";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A `ladder worker` process (its own OS process, as in production) told to stop while it reads
// a large report: it stops between two chunks, exits 0, and the report goes back on the queue
// for another worker, which stores it whole.
describe("SIGTERM while a worker reads a report", () => {
  it("exits cleanly, stores nothing, and another worker stores the report", { timeout: 180_000 }, async () => {
    const ws = await workspaceWithOwner("Shutdown");
    const { token } = await ws.caller.tokens.create({ workspace: ws.slug, name: "CI", role: "editor", expiresInDays: null });
    vi.stubEnv("LADDER_UPLOAD_INLINE_MB", "0.01");
    resetEnvCache();
    const form = new FormData();
    form.set("file", new Blob([sarifReport(150_000)]), "results.sarif");
    const queued = await handleUploadRequest(
      new Request("http://localhost/api/v1/uploads", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      }),
    );
    expect(queued.status).toBe(202);
    const id = queued.body.id;
    const status = () => getUploadStatus({ workspaceId: ws.workspace.id, id });

    const child = spawn(process.execPath, ["bin/ladder.mjs", "worker", "--concurrency", "1"], {
      env: { ...process.env, LADDER_DEMO: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (data: Buffer) => (output += data.toString()));
    child.stderr.on("data", (data: Buffer) => (output += data.toString()));
    const exited = once(child, "exit");
    try {
      await waitFor(status, (s) => s.status === "processing", "the worker to start reading");
      child.kill("SIGTERM");
      const [code] = (await Promise.race([
        exited,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`the worker did not stop:\n${output}`)), 60_000)),
      ])) as [number | null];
      expect(code, output).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    expect(await status()).toMatchObject({ status: "queued" });
    expect(await db.upload.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect(await db.uploadFinding.count({ where: { upload: { workspaceId: ws.workspace.id } } })).toBe(0);

    const worker = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      const stored = await waitFor(status, (s) => s.status === "stored" || s.status === "failed", "another worker to store it");
      expect(stored).toMatchObject({ status: "stored", counts: { findings: 150_000 } });
    } finally {
      await worker.stop();
    }
    expect(await db.uploadChunk.count({ where: { intakeId: id } })).toBe(0);
  });
});
