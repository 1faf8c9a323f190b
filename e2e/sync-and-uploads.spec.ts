import path from "node:path";
import { expect, test } from "@playwright/test";
import { sarifReport } from "~/server/test/sarif-report";
import { createApiToken } from "~/server/tokens/tokens.service";
import { findWorkspaceBySlug } from "~/server/workspaces/workspaces.service";
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
  const calls = page.getByRole("table", { name: "AWS API calls per service" });
  await expect(calls.getByRole("cell", { name: "AWS CodeDeploy", exact: true })).toBeVisible();
  await expect(calls.getByRole("cell", { name: "AWS Cost Explorer", exact: true })).toBeVisible();
  await expect(calls.getByRole("cell", { name: "codeDeploy", exact: true })).toHaveCount(0);

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

test("an editor uploads a PagerDuty export and GitHub deployments by hand; the list counts them", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Pager");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/sync`);
  const picker = page.getByLabel("Upload a report");
  await expect(picker).toBeEnabled();
  await picker.setInputFiles(path.join(fixtures, "pagerduty-incidents.csv"));
  await expect(page.getByText(/Detected\s+incidents\s+\(pagerduty-csv\) from PagerDuty: 3 incidents/)).toBeVisible();
  await expect(picker).toBeEnabled();
  await picker.setInputFiles(path.join(fixtures, "github-deployment-statuses.json"));
  await expect(page.getByText(/Detected\s+deployments\s+\(github-deployment-status\) from GitHub: 2 deployments/)).toBeVisible();
  const uploads = page.getByRole("table", { name: "Recent uploads" });
  await expect(uploads.getByRole("columnheader", { name: "Deployments" })).toBeVisible();
  await expect(uploads.getByRole("row")).toHaveCount(3);
});

// The e2e server reads reports inline only up to 0.05 MB (playwright.config.ts), so these ~100 KB
// reports are answered with 202 and read by the worker.
test("an editor uploads reports larger than the inline limit and follows them; another workspace cannot see them", async ({
  page,
  browser,
}) => {
  const owner = await makeUserWithWorkspace("Bulky");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/sync`);
  const picker = page.getByLabel("Upload a report");
  await expect(picker).toBeEnabled();
  const report = (name: string, broken?: "literal") => ({
    name,
    mimeType: "application/sarif+json",
    buffer: Buffer.from(sarifReport(500, broken ? { broken } : {})),
  });

  // A report whose last result cannot be read is refused by the worker: the form and the pending
  // list say why.
  await picker.setInputFiles(report("broken.sarif", "literal"));
  const refusal = page.getByRole("alert").filter({ hasText: "broken.sarif was not stored" });
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText(/The upload is not valid JSON: .* at line 501\./);
  const pending = page.getByRole("list", { name: "Uploads being read or failed" });
  const failedRow = pending.getByRole("listitem").filter({ hasText: "broken.sarif" });
  await expect(failedRow.getByText("Failed", { exact: true })).toBeVisible();
  await expect(failedRow.getByText(/\d+ KB · received/)).toBeVisible();
  await expect(failedRow).toContainText(/The upload is not valid JSON: .* at line 501\./);

  // The page's first look at the next report's state waits until the test has seen it announced:
  // a quick worker could otherwise store it before anyone sees it was received.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/trpc\/[^?]*uploads\.status/, async (route) => {
    await released;
    await route.continue();
  });
  const answered = page.waitForResponse((r) => r.url().includes("/api/v1/uploads") && r.request().method() === "POST");
  await expect(picker).toBeEnabled();
  await picker.setInputFiles(report("large.sarif"));
  const response = await answered;
  expect(response.status()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect(page.getByText(/Received large\.sarif \(\d+ KB\); reading it in the background…/)).toBeVisible();
  release();
  await expect(page.getByText(/Detected\s+checkov/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("500 failed of 500 findings")).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent uploads" }).getByText("large.sarif")).toBeVisible();
  await expect(pending.getByRole("listitem").filter({ hasText: "large.sarif" })).toHaveCount(0);

  const stranger = await makeUserWithWorkspace("Onlooker");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, stranger.user.email);
  for (const workspace of [stranger.slug, owner.slug]) {
    const status = await trpcQuery(other.request, "uploads.status", { workspace, id });
    expect(status.body.error?.json.data.code).toBe("NOT_FOUND");
  }
  const theirs = await trpcQuery(other.request, "uploads.pending", { workspace: stranger.slug });
  expect(theirs.body.result?.data.json).toEqual([]);
  const mine = await trpcQuery(other.request, "uploads.pending", { workspace: owner.slug });
  expect(mine.body.error?.json.data.code).toBe("NOT_FOUND");
  await context.close();
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

// Through the real server: the upload route sits outside the proxy, so a report larger than the
// proxy's 10 MB body cut arrives whole, and the route still refuses cross-site writes itself.
test("a CI job sends a 12 MB report past the proxy and follows it; a cross-site upload with cookies is refused", async ({
  page,
  request,
}) => {
  const owner = await makeUserWithWorkspace("Monorepo");
  const workspace = await findWorkspaceBySlug(owner.slug);
  const { token } = await createApiToken({
    workspaceId: workspace!.id,
    actor: { userId: owner.user.id },
    actorRole: "owner",
    name: "CI",
    role: "editor",
    expiresInDays: null,
  });
  const buffer = Buffer.from(sarifReport(65_000));
  expect(buffer.length).toBeGreaterThan(11 * 1024 * 1024);
  const sent = await request.post("/api/v1/uploads", {
    headers: { authorization: `Bearer ${token}` },
    multipart: { file: { name: "results.sarif", mimeType: "application/sarif+json", buffer }, repository: "acme/monorepo" },
  });
  expect(sent.status(), await sent.text()).toBe(202);
  const { id } = (await sent.json()) as { id: string };
  await expect
    .poll(
      async () => {
        const status = await request.get(`/api/v1/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
        return ((await status.json()) as { status: string; counts?: { findings: number } }).counts?.findings ?? "not yet";
      },
      { timeout: 60_000 },
    )
    .toBe(65_000);

  await signIn(page, owner.user.email);
  const forged = await page.request.post(`/api/v1/uploads?workspace=${owner.slug}`, {
    headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    multipart: { file: { name: "r.sarif", mimeType: "application/json", buffer: Buffer.from(sarifReport(1)) } },
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("CSRF");
});
