import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { addMemberTo, makeUserWithWorkspace, signIn, trpcMutation, trpcQuery } from "./fixtures/accounts";

// A FinOps lead's journey on the demo organisation. Only the sources FinOps reads are synced
// (the organisation for OUs and environments, and cost), so this journey does not pay for a
// second full demo sync; the full one is the accessibility journey's, which checks this page too.
let slug = "";

const focusFile = new URL("./fixtures/focus-aws-small.csv", import.meta.url);

async function connectDemoAndSyncCost(page: Page) {
  await page.goto(`/w/${slug}/accounts`);
  await page.getByRole("button", { name: "Connect the demo organisation" }).click();
  await expect(page.getByText(/(\d+) of \1 accounts are connected/)).toBeVisible({ timeout: 60_000 });
  const started = await trpcMutation(page.request, "sync.start", { workspace: slug, sources: ["organization", "cost"] });
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

/** The value shown under a headline label (the first card: the chosen period). */
const figure = (page: Page, label: string) =>
  page
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .first()
    .locator("xpath=following-sibling::dd[1]");

test.describe.serial("FinOps", () => {
  test("a FinOps lead reads savings, opens an assumption, filters by OU, drills to rows, exports and uploads a FOCUS file", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const lead = await makeUserWithWorkspace("Lead");
    slug = lead.slug;
    await signIn(page, lead.user.email);
    await connectDemoAndSyncCost(page);

    await page.goto(`/w/${slug}/finops`);
    await expect(page.getByRole("heading", { level: 1, name: "FinOps" })).toBeVisible();
    await expect(figure(page, "Realized savings")).toContainText(/\$[\d,]+\.\d\d/);
    await expect(figure(page, "Potential savings")).toContainText(/\$[\d,]+\.\d\d/);
    await expect(page.getByText(/^Source: Cost Explorer\./)).toBeVisible();

    // Every number says how it was computed; the ESR's formula, inputs and basis open in place.
    await page.getByText("How this is computed: Effective savings rate (ESR)").first().click();
    const esr = figure(page, "Effective savings rate \\(ESR\\)");
    await expect(esr.getByText(/^ESR = 1 − /)).toBeVisible();
    await expect(esr.getByRole("list", { name: "Based on" })).toBeVisible();

    // A FOCUS export dropped on the page is stored, and its totals per period and sub-account shown.
    const text = await readFile(focusFile, "utf8");
    const dataTransfer = await page.evaluateHandle((csvText) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csvText], "focus-aws-small.csv", { type: "text/csv" }));
      return transfer;
    }, text);
    const zone = page.getByTestId("focus-drop-zone");
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    const stored = page.getByRole("status").filter({ hasText: "Stored focus-aws-small.csv" });
    await expect(stored).toBeVisible({ timeout: 60_000 });
    const totals = stored.getByRole("table", { name: "Totals stored per billing period and sub-account" });
    await expect(totals.getByRole("row", { name: /999900000001/ })).toContainText("$14.75");
    await expect(totals.getByRole("row", { name: /999900000002/ })).toContainText("$20.00");
    await expect(totals.getByRole("row", { name: /999900000002/ })).toContainText("$12.40");

    // The OU filter is the URL: a reload keeps it, and the tables show only that OU's accounts.
    await page.getByLabel("Organizational unit").selectOption({ label: "/Workloads/Prod" });
    await expect(page).toHaveURL(/[?&]ou=ou-/);
    await page.reload();
    await expect(page.getByLabel("Organizational unit")).toHaveValue(/^ou-/);
    const byAccount = page.locator("div.rounded-lg", { has: page.getByRole("heading", { name: "By account" }) });
    await expect(byAccount.getByRole("row", { name: /checkout-prod/ })).toBeVisible();
    await expect(byAccount.getByRole("row", { name: /staging/ })).toHaveCount(0);

    // The rows behind a number add up to it.
    const row = byAccount.getByRole("row", { name: /checkout-prod/ });
    const spend = (await row.getByRole("cell").first().textContent())!.trim();
    await row.getByRole("link", { name: "Rows behind checkout-prod" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cost rows" })).toBeVisible();
    await expect(page).toHaveURL(/\/finops\/rows\?.*ou=ou-/);
    await expect(page.getByText(`their effective cost adds up to ${spend}.`)).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(0);

    await page.getByRole("link", { name: "Back to FinOps" }).click();
    await expect(page).toHaveURL(/\/finops\?.*ou=ou-/);

    // Export: the CSV the browser downloads carries the filters and starts with its header row.
    const downloading = page.waitForEvent("download");
    await byAccount.getByRole("link", { name: "CSV export of By account" }).click();
    const download = await downloading;
    expect(download.url()).toContain("ou=ou-");
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toMatch(/^period,key,label,ec2Spend,/);

    // The Sync page lists the FOCUS upload with its cost rows and billing periods.
    await page.goto(`/w/${slug}/sync`);
    const upload = page.getByRole("row", { name: /focus-aws-small\.csv/ });
    await expect(upload).toContainText(/\d+ cost rows · FOCUS 1\.\d/);
    await expect(upload.getByRole("link", { name: "FinOps" })).toBeVisible();
  });

  test("a viewer reads FinOps but has no drop zone; another workspace gets NOT_FOUND", async ({ page, browser }) => {
    const viewer = await addMemberTo(slug, "viewer");
    await signIn(page, viewer.email);
    await page.goto(`/w/${slug}/finops`);
    await expect(figure(page, "Realized savings")).toContainText(/\$[\d,]+\.\d\d/);
    await expect(page.getByTestId("focus-drop-zone")).toHaveCount(0);
    await expect(page.getByText(/ask an editor/)).toBeVisible();

    const outsider = await makeUserWithWorkspace("Outsider");
    const other = await (await browser.newContext()).newPage();
    await signIn(other, outsider.user.email);
    const drill = { table: "ec2", from: "2026-11-01", to: "2026-12-01" };
    for (const [path, input] of [
      ["finops.overview", {}],
      ["finops.rows", { drill }],
    ] as const) {
      const result = await trpcQuery(other.request, path, { workspace: slug, ...input });
      expect(result.body.error?.json.data.code, path).toBe("NOT_FOUND");
    }
    const exported = await other.request.get(`/api/v1/finops/export?workspace=${slug}&table=accounts&format=csv`);
    expect(exported.status()).toBe(404);
  });
});
