import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { handleUploadRequest } from "./upload-request";

const sample = (relative: string) => readFileSync(path.resolve(process.cwd(), "../shared/samples", relative), "utf8");
const fixture = (name: string) => readFileSync(path.join(__dirname, "parsers", "fixtures", name), "utf8");

async function tokenFor(role: "editor" | "viewer") {
  const ws = await workspaceWithOwner("Uploader");
  const token = await ws.caller.tokens.create({ workspace: ws.slug, name: "CI", role, expiresInDays: null });
  return { ...ws, token: token.token };
}

function uploadRequest(token: string, content: string, fields: Record<string, string> = {}, filename = "report.json") {
  const form = new FormData();
  form.set("file", new Blob([content]), filename);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request("http://localhost/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

// Reports this small are read while the request waits: 201 with the stored upload.
async function send(request: Request) {
  const answer = await handleUploadRequest(request);
  expect(answer.status).toBe(201);
  return answer.body as Exclude<Extract<typeof answer, { status: 201 }>["body"], { kind: "focus" }>;
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("POST /api/v1/uploads", () => {
  it("detects and stores a real Checkov SARIF report with its CI context", async () => {
    const { token, workspace } = await tokenFor("editor");
    const result = await send(
      uploadRequest(token, sample("checkov-sarif/ezio143__devsecops-pipeline/results_sarif.sarif"), {
        repository: "acme/infra",
        branch: "main",
        commit: "abc123",
        pipeline: "terraform-check",
        softFail: "true",
        durationSeconds: "41.6",
        defaultBranch: "main",
      }),
    );
    expect(result).toMatchObject({ kind: "checkov", format: "sarif", tool: { name: "Checkov" }, counts: { failed: 27 } });
    const stored = await db.upload.findUniqueOrThrow({
      where: { id: result.id },
      include: { _count: { select: { findings: true } } },
    });
    expect(stored).toMatchObject({
      workspaceId: workspace.id,
      repository: "acme/infra",
      branch: "main",
      commit: "abc123",
      kind: "checkov",
      softFail: true,
      durationSeconds: 42,
      defaultBranch: "main",
    });
    expect(stored._count.findings).toBe(27);
  });

  it("refuses pipeline facts it cannot read, storing nothing", async () => {
    const { token, workspace } = await tokenFor("editor");
    const report = sample("checkov-sarif/ezio143__devsecops-pipeline/results_sarif.sarif");
    await expect(handleUploadRequest(uploadRequest(token, report, { softFail: "maybe" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "softFail must be true or false, not “maybe”.",
    });
    await expect(handleUploadRequest(uploadRequest(token, report, { durationSeconds: "-3" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.upload.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("stores SBOM components from real CycloneDX and SPDX files", async () => {
    const { token } = await tokenFor("editor");
    const cyclone = await send(uploadRequest(token, sample("sbom-cyclonedx/CycloneDX__bom-examples/bom.1.4.json")));
    expect(cyclone).toMatchObject({ kind: "sbom", format: "cyclonedx-json", counts: { components: 62 } });
    expect(await db.sbomComponent.count({ where: { uploadId: cyclone.id } })).toBe(62);
    const spdx = await send(uploadRequest(token, sample("sbom-spdx/spdx__spdx-examples/appbomination.spdx.json")));
    expect(spdx).toMatchObject({ kind: "sbom", format: "spdx-json", counts: { components: 7 } });
  });

  it("turns uploaded incidents into incident rows, and a repeat upload adds none", async () => {
    const { token, workspace } = await tokenFor("editor");
    const text = fixture("incidents.json");
    const first = await send(uploadRequest(token, text));
    expect(first.kind).toBe("incidents");
    const count = await db.incident.count({ where: { workspaceId: workspace.id } });
    expect(count).toBe(first.counts.incidents);
    await handleUploadRequest(uploadRequest(token, text));
    expect(await db.incident.count({ where: { workspaceId: workspace.id } })).toBe(count);
  });

  it.each([
    ["not JSON", "this is not json {", "BAD_REQUEST", /JSON/],
    ["an unknown format", fixture("bad-unknown.json"), "BAD_REQUEST", /format|recogni/i],
    ["SPDX 3", fixture("bad-spdx-3.json"), "BAD_REQUEST", /SPDX 3\.0 is not supported/],
    ["CycloneDX 1.1", fixture("bad-cyclonedx-1.1.json"), "BAD_REQUEST", /1\.1/],
  ])("refuses %s with a clear message and stores nothing", async (_name, content, code, message) => {
    const { token, workspace } = await tokenFor("editor");
    await expect(handleUploadRequest(uploadRequest(token, content))).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(await db.upload.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses a file over the size limit, a wrong token, a viewer token and a missing file", async () => {
    const { token, workspace } = await tokenFor("editor");
    vi.stubEnv("LADDER_UPLOAD_MAX_MB", "0.001");
    resetEnvCache();
    await expect(handleUploadRequest(uploadRequest(token, fixture("incidents.json").padEnd(5000, " ")))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    vi.unstubAllEnvs();
    resetEnvCache();
    await expect(handleUploadRequest(uploadRequest("ldr_wrong", "{}"))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const viewer = await tokenFor("viewer");
    await expect(handleUploadRequest(uploadRequest(viewer.token, fixture("incidents.json")))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const noFile = new Request("http://localhost/api/v1/uploads", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: new FormData(),
    });
    await expect(handleUploadRequest(noFile)).rejects.toMatchObject({ message: expect.stringContaining("field “file”") });
    expect(await db.upload.count({ where: { workspaceId: { in: [workspace.id, viewer.workspace.id] } } })).toBe(0);
  });
});
