import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { startSync } from "~/server/ingest/runs.service";
import { waitForRun } from "~/server/test/sync-helpers";
import { receiveUpload, type UploadMeta } from "~/server/uploads/uploads.service";

// What the demo tests do before loading: the CI uploads no simulator can make, and one full sync.

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "server/uploads/parsers/fixtures", name), "utf8");

/**
 * The DESIGN story's CI: Checkov on pull requests and on main, where the same failed checks
 * (one high) land in two commits, as they do when main runs in soft-fail; a Trivy scan and an
 * SBOM of the API image.
 */
export async function sendStoryUploads(workspaceId: string, userId: string, owner: string) {
  const uploader = { workspaceId, role: "owner" as const, userId };
  const send = (file: string, meta: UploadMeta) => {
    const text = fixture(file);
    return receiveUpload({ uploader, text, sizeBytes: Buffer.byteLength(text), meta });
  };
  const infra = { repository: `${owner}/infra`, pipeline: "terraform-check", kind: "checkov" };
  const api = { repository: `${owner}/api`, branch: "main", commit: "a1b2c3d", pipeline: "build" };
  return [
    await send("checkov-two-frameworks.json", { ...infra, branch: "feature/vpc-endpoints", commit: "9f8e7d6" }),
    await send("checkov-two-frameworks.json", { ...infra, branch: "main", commit: "1a2b3c4" }),
    await send("checkov-two-frameworks.json", { ...infra, branch: "main", commit: "5d6e7f8" }),
    await send("trivy-vulns-and-misconfigs.json", { ...api, kind: "trivy" }),
    await send("cyclonedx-1.6-nested.json", { ...api, kind: "sbom" }),
  ];
}

export async function syncEverything(ws: { workspace: { id: string }; owner: { id: string } }) {
  const started = await startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual" });
  const run = await waitForRun(ws.workspace.id, started.id, 150_000);
  expect(run.errors).toEqual([]);
  expect(run.status).toBe("succeeded");
  return run;
}
