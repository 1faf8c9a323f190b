import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { handleUploadRequest } from "~/server/uploads/upload-request";
import { repositories } from "~/simulator/data/registries";

const sim = useAwsSimulator({ demoRoles: false });

function uploadRequest(token: string, content: string, fields: Record<string, string>) {
  const form = new FormData();
  form.set("file", new Blob([content]), "results.json");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request("http://localhost/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

describe("connecting the demo organisation", () => {
  it("brings its CI reports through the upload path, labelled as demo, and they go with the organisation", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Demo CI");
    const uploads = await ws.caller.uploads.list({ workspace: ws.slug, limit: 200 });
    expect(uploads.length).toBe(ws.uploads);
    expect(uploads.every((u) => u.isDemo)).toBe(true);
    // The tools' own formats, recognised from the files as any pipeline's would be.
    expect(new Set(uploads.map((u) => `${u.kind} ${u.format} ${u.tool}`))).toEqual(
      new Set(["checkov checkov-json Checkov", "trivy trivy-json Trivy", "sbom cyclonedx-json syft"]),
    );

    const stored = await db.upload.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { createdAt: "asc" } });
    const checkov = stored.filter((u) => u.kind === "checkov");
    const infra = checkov.filter((u) => u.repository === "example-ladder/infra");
    const infraMain = infra.filter((u) => u.branch === "main");
    const infraPulls = infra.filter((u) => u.branch !== "main");
    // Main runs in soft-fail: the same failed checks, one of them high, land in two commits. The
    // pipeline does not declare it; Ladder can only infer it.
    expect(new Set(infraMain.map((u) => u.commit)).size).toBe(2);
    for (const u of infraMain) expect(u.summary).toMatchObject({ failed: 4, bySeverity: { high: 1 } });
    expect(stored.every((u) => u.softFail === null && u.defaultBranch === "main")).toBe(true);
    // The slow repository: its pull-request scans take over 5 minutes; the others' do not.
    expect(infraPulls.length).toBe(3);
    for (const u of infraPulls) expect(u.durationSeconds).toBeGreaterThan(300);
    for (const u of checkov.filter((x) => x.repository !== "example-ladder/infra")) expect(u.durationSeconds).toBeLessThan(300);
    expect(new Set(checkov.map((u) => u.repository))).toEqual(
      new Set(["example-ladder/infra", "example-ladder/payments", "example-ladder/checkout", "example-ladder/catalog"]),
    );

    // The nightly scans read the simulator's images: payments' API image in use carries the
    // critical CVE its ECR scan reports too, and its SBOM lists the vulnerable package.
    const paymentsProd = sim.current.state.organization.accounts.find((a) => a.name === "payments-prod")!;
    const api = repositories(sim.current.state.data, paymentsProd.id).find((r) => r.name === "payments/api")!;
    const critical = api.images
      .find((i) => i.tags.includes("latest"))!
      .findings.find((f) => f.vulnerability.severity === "CRITICAL" && f.status === "ACTIVE")!.vulnerability;
    const trivy = stored.find(
      (u) => u.kind === "trivy" && u.filename === "trivy-api.json" && u.repository?.endsWith("/payments"),
    );
    const findings = await db.uploadFinding.findMany({ where: { uploadId: trivy!.id, severity: "critical" } });
    expect(findings.map((f) => [f.vulnerabilityId, f.resource])).toEqual([[critical.id, `${api.uri}:latest`]]);
    const sbom = stored.find(
      (u) => u.kind === "sbom" && u.filename === "sbom-api.cdx.json" && u.repository?.endsWith("/payments"),
    );
    const components = await db.sbomComponent.findMany({ where: { uploadId: sbom!.id, name: critical.packageName } });
    expect(components.map((c) => c.version)).toEqual([critical.version]);

    // A real pipeline's upload is not demo, and stays when the demo organisation is removed.
    const token = await ws.caller.tokens.create({ workspace: ws.slug, name: "CI", role: "editor", expiresInDays: null });
    const real = await handleUploadRequest(
      uploadRequest(token.token, JSON.stringify({ SchemaVersion: 2, ArtifactName: "app", Results: [] }), {
        repository: "acme/app",
      }),
    );
    expect(real.status).toBe(201);
    const listed = await ws.caller.uploads.list({ workspace: ws.slug, limit: 200 });
    expect(listed.filter((u) => !u.isDemo).map((u) => u.repository)).toEqual(["acme/app"]);

    const management = await db.awsAccount.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, kind: "organization" },
      select: { id: true, accountId: true },
    });
    await ws.caller.accounts.remove({ workspace: ws.slug, accountRef: management.id, confirmAccountId: management.accountId! });
    const left = await ws.caller.uploads.list({ workspace: ws.slug, limit: 200 });
    expect(left.map((u) => [u.repository, u.isDemo])).toEqual([["acme/app", false]]);
  }, 60_000);
});
