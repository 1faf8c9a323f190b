import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { addMemberTo, makeUserWithWorkspace, signIn, trpcMutation, trpcQuery } from "./fixtures/accounts";
import { PAGERDUTY_SERVICE, pagerDutyPage } from "./fixtures/pagerduty";

// An engineering leader's week on the demo organisation: trends with their overlays, an incident
// and the deployment before it, a before/after comparison, an export; then an editor's upload, a
// viewer without one, and another workspace that sees nothing. Only the sources Incidents reads
// are synced (organisation, alarms and incidents, deployments, chaos).
let slug = "";

async function connectDemoAndSync(page: Page) {
  await page.goto(`/w/${slug}/accounts`);
  await page.getByRole("button", { name: "Connect the demo organisation" }).click();
  await expect(page.getByText(/(\d+) of \1 accounts are connected/)).toBeVisible({ timeout: 60_000 });
  const started = await trpcMutation(page.request, "sync.start", {
    workspace: slug,
    sources: ["organization", "incidents", "delivery", "chaos"],
  });
  expect(started.status, started.body.error?.json.message).toBe(200);
  const runId = (started.body.result!.data.json as { id: string }).id;
  await expect
    .poll(
      async () => {
        const { body } = await trpcQuery(page.request, "sync.run", { workspace: slug, runId });
        return (body.result?.data.json as { status: string } | undefined)?.status;
      },
      { timeout: 150_000, intervals: [1000, 2000] },
    )
    .toBe("succeeded");
}

/** The value shown under a headline label. */
const figure = (page: Page, label: string) =>
  page
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .first()
    .locator("xpath=following-sibling::dd[1]/span[1]");

async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `.data/screens/incidents-${name}.png`, fullPage: true });
}

test.describe.serial("Incidents", () => {
  test("a leader reads the trend and its overlays, narrows to an OU, opens an incident and the deployment before it, compares before and after, exports", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const lead = await makeUserWithWorkspace("Leader");
    slug = lead.slug;
    await signIn(page, lead.user.email);
    await connectDemoAndSync(page);

    await page.goto(`/w/${slug}/incidents`);
    await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
    await expect(figure(page, "Incidents in range")).toHaveText(/^[1-9][\d,]*$/);
    await expect(figure(page, "Median time to restore")).toHaveText(/\d+ (s|min|h|d)/);
    await expect(page.getByText(/^Buckets are UTC/)).toBeVisible();

    // The overlays: deployments on the same axis, and event markers that are links to their event.
    await expect(page.getByText(/^Deployments per month \(bars\)/)).toBeVisible();
    const events = page.getByRole("list", { name: "Events on the time axis" });
    await expect(events.getByRole("link", { name: /^Deployment: / }).first()).toBeVisible();
    await shot(page, "page");

    // The OU filter is the URL: a reload keeps it.
    const ou = page.getByLabel("Organizational unit");
    const prodOu = (await ou.locator("option").allTextContents()).find((t) => /prod/i.test(t));
    expect(prodOu, "the demo organisation has a prod OU").toBeTruthy();
    await ou.selectOption({ label: prodOu! });
    await expect(page).toHaveURL(/[?&]ou=/);
    await page.reload();
    await expect(page.getByLabel("Organizational unit")).toHaveValue(/^(ou-|\/)/);
    const within = Number((await figure(page, "Incidents in range").textContent())!.replace(/,/g, ""));
    expect(within).toBeGreaterThan(0);

    // An incident with a deployment in the 24 hours before it, found through the API, opened from the list's link.
    const { body } = await trpcQuery(page.request, "incidents.list", { workspace: slug, pageSize: 200 });
    const rows = (body.result!.data.json as { rows: { id: string }[] }).rows;
    let incidentId: string | null = null;
    for (const row of rows) {
      const detail = await trpcQuery(page.request, "incidents.detail", { workspace: slug, incidentId: row.id });
      if ((detail.body.result?.data.json as { deploymentsBefore: unknown[] }).deploymentsBefore.length) {
        incidentId = row.id;
        break;
      }
    }
    expect(incidentId, "a demo incident follows a deployment").toBeTruthy();
    await page.goto(`/w/${slug}/incidents/${incidentId}`);
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    const before = page.getByRole("table", { name: "Deployments in the 24 hours before the incident" });
    const deployment = before.getByRole("row").nth(1);
    await expect(deployment).toContainText(/Succeeded|Failed|Rolled back/);
    await expect(page.getByRole("heading", { name: "Where it came from" })).toBeVisible();
    await expect(page.getByText(/^arn:aws:cloudwatch:/).first()).toBeVisible();
    await shot(page, "detail");
    await deployment.getByRole("link", { name: /its service's incidents and deployments$/ }).click();
    await expect(page).toHaveURL(/\/incidents\?.*service=/);

    // Did it pay off? A suggested change is a link; its comparison gives counts, intervals and a verdict.
    await page.goto(`/w/${slug}/incidents`);
    const suggestions = page.getByRole("list", { name: "Suggested changes" });
    await suggestions.getByRole("link").first().click();
    await expect(page).toHaveURL(/[?&]change=/);
    const comparison = page.getByRole("table", { name: /^Before and after: / });
    await expect(comparison.getByRole("row", { name: /Incidents per 100 deployments/ })).toContainText(
      /\d+ incidents, \d+ deployments/,
    );
    await expect(comparison).toContainText("95% interval");
    await expect(comparison.getByText(/^(Better|Worse|No clear change|Too few to tell)$/).first()).toBeVisible();
    await page.getByLabel("Window on each side").selectOption("60");
    await expect(page).toHaveURL(/[?&]days=60/);
    await expect(page.getByText(/60 days before and after/)).toBeVisible();
    await shot(page, "comparison");

    // Export: the CSV carries the page's filters.
    await page.goto(`/w/${slug}/incidents?bucket=week`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV export of the incidents" }).click();
    const download = await downloading;
    expect(download.url()).toContain("bucket=week");
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toMatch(/^id,.*startedAt/);
  });

  test("an editor uploads a PagerDuty page and sees it counted; a viewer has no upload; another workspace gets NOT_FOUND", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const editor = await addMemberTo(slug, "editor");
    await signIn(page, editor.email);
    await page.goto(`/w/${slug}/incidents`);
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "pagerduty-incidents.json", { type: "application/json" }));
      return transfer;
    }, JSON.stringify(pagerDutyPage()));
    const zone = page.getByTestId("incidents-drop-zone");
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    await expect(page.getByRole("status").filter({ hasText: "Stored pagerduty-incidents.json" })).toContainText("2 incidents");
    await page.goto(`/w/${slug}/incidents?service=${PAGERDUTY_SERVICE}`);
    await expect(figure(page, "Incidents in range")).toHaveText("2");
    await expect(figure(page, "Open now")).toHaveText("1");
    await expect(page.getByRole("link", { name: "Card payments time out" })).toBeVisible();

    const viewer = await addMemberTo(slug, "viewer");
    const viewerPage = await (await browser.newContext()).newPage();
    await signIn(viewerPage, viewer.email);
    await viewerPage.goto(`/w/${slug}/incidents`);
    await expect(figure(viewerPage, "Incidents in range")).toHaveText(/^[1-9]/);
    await expect(viewerPage.getByTestId("incidents-drop-zone")).toHaveCount(0);
    await expect(viewerPage.getByText(/ask an editor/)).toBeVisible();

    const outsider = await makeUserWithWorkspace("Outsider");
    const other = await (await browser.newContext()).newPage();
    await signIn(other, outsider.user.email);
    for (const [path, input] of [
      ["incidents.overview", {}],
      ["incidents.outcomes", {}],
      ["incidents.list", {}],
      ["incidents.detail", { incidentId: "anything" }],
      ["incidents.compare", { changeId: "anything" }],
    ] as const) {
      const result = await trpcQuery(other.request, path, { workspace: slug, ...input });
      expect(result.body.error?.json.data.code, path).toBe("NOT_FOUND");
    }
    for (const table of ["incidents", "deployments", "dora"]) {
      const exported = await other.request.get(`/api/v1/incidents/export?workspace=${slug}&table=${table}&format=csv`);
      expect(exported.status(), table).toBe(404);
    }
  });
});
