import path from "node:path";
import { expect, test } from "@playwright/test";
import { makeUserWithWorkspace, signIn, trpcQuery } from "./fixtures/accounts";

const fixtures = path.resolve("server/uploads/parsers/fixtures");

test("an editor connects the demo organisation, syncs it and follows the run to the end", async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await makeUserWithWorkspace("Syncer");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/accounts`);
  await page.getByRole("button", { name: "Connect the demo organisation" }).click();
  await expect(page.getByText(/(\d+) of \1 accounts are connected/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Demo").first()).toBeVisible();

  await page.getByRole("link", { name: "Sync", exact: true }).click();
  await page.getByRole("button", { name: "Sync now" }).click();
  // The page then shows the new run, named in its address; until then it shows the latest run,
  // which may be another one (a scheduled run).
  await page.waitForURL(/[?&]run=/);
  const progress = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(progress).toBeVisible();
  const max = await progress.getAttribute("aria-valuemax");
  expect(Number(max)).toBeGreaterThan(10);
  await expect(progress).toHaveAttribute("aria-valuenow", max!, { timeout: 150_000 });
  await expect(page.getByText(`${max} of ${max} tasks done`)).toBeVisible();
  await expect(page.getByText("Succeeded", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Cost Explorer: \d+ requests \(\$\d+\.\d{2} billed/)).toBeVisible();

  // The task table is read when opened: one row per account and source.
  await page.getByText(`Tasks (${max})`).click();
  const tasks = page.getByRole("table", { name: "Tasks of this sync run" });
  await expect(tasks.getByRole("row")).toHaveCount(Number(max) + 1);
  await expect(tasks.getByText("Cost and commitments").first()).toBeVisible();
});

test("an editor uploads reports by hand; a bad file is refused with its reason", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Dropper");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/sync`);
  const picker = page.getByLabel("Upload a report");
  // The picker is enabled once the page is hydrated; a file set before that would have no handler.
  await expect(picker).toBeEnabled();
  await picker.setInputFiles(path.join(fixtures, "grype.sarif"));
  await expect(page.getByText(/Detected\s+grype/)).toBeVisible();
  await expect(picker).toBeEnabled();
  await picker.setInputFiles(path.join(fixtures, "bad-spdx-3.json"));
  await expect(page.getByText(/SPDX 3\.0 is not supported yet/)).toBeVisible();
  const uploads = await trpcQuery(page.request, "uploads.list", { workspace: owner.slug, limit: 50 });
  expect((uploads.body.result?.data.json as unknown[]).length).toBe(1);
});

test("CI uploads with a token; a wrong token and a viewer token are refused", async ({ request }) => {
  const owner = await makeUserWithWorkspace("Pipeline");
  const { createApiToken } = await import("~/server/tokens/tokens.service");
  const { findWorkspaceBySlug } = await import("~/server/workspaces/workspaces.service");
  const workspace = (await findWorkspaceBySlug(owner.slug))!;
  const make = (role: "editor" | "viewer") =>
    createApiToken({
      workspaceId: workspace.id,
      actor: { label: "e2e" },
      actorRole: "owner",
      name: role,
      role,
      expiresInDays: null,
    });
  const editor = await make("editor");
  const viewer = await make("viewer");
  const upload = (token: string) =>
    request.post("/api/v1/uploads", {
      headers: { authorization: `Bearer ${token}` },
      multipart: {
        file: {
          name: "incidents.json",
          mimeType: "application/json",
          buffer: Buffer.from(
            JSON.stringify({
              incidents: [
                { id: "INC-1", title: "Checkout down", startedAt: "2026-01-01T10:00:00Z", resolvedAt: "2026-01-01T10:30:00Z" },
              ],
            }),
          ),
        },
        repository: "acme/shop",
        branch: "main",
      },
    });
  const ok = await upload(editor.token);
  expect(ok.status()).toBe(201);
  expect(await ok.json()).toMatchObject({ kind: "incidents", format: "incidents-json", counts: { incidents: 1 } });
  const wrong = await upload("ldr_not-a-real-token");
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error.message).toContain("not valid");
  const refused = await upload(viewer.token);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("editor");
});
