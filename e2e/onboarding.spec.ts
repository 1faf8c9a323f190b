import { expect, test, type Page } from "@playwright/test";
import { addMemberTo, makeUserWithWorkspace, signIn, trpcMutation, trpcQuery } from "./fixtures/accounts";
import { deployRole, simulatedOrganization } from "./fixtures/simulator";

async function startWizard(page: Page, slug: string, choice: "One AWS account" | "An AWS Organization (management account)") {
  await page.goto(`/w/${slug}/accounts?connect=account`);
  await page.getByRole("button", { name: choice }).click();
  const externalId = page.getByLabel("External ID");
  await expect(externalId).toHaveValue(/^[\w-]{40}$/);
  return externalId.inputValue();
}

async function verify(page: Page, roleArn: string) {
  await page.getByLabel("Role ARN").fill(roleArn);
  await page.getByRole("button", { name: "Verify and connect" }).click();
}

test("an editor connects one account through the wizard and sees what each permission unlocks", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Platform");
  await signIn(page, owner.user.email);
  const org = await simulatedOrganization();
  const account = org.accounts[1]!;
  const externalId = await startWizard(page, owner.slug, "One AWS account");
  await expect(page.getByRole("tab", { name: "Terraform" })).toBeVisible();
  const role = await deployRole({ externalId, accountIds: [account.id], deniedActions: ["ecr:DescribeRepositories"] });

  await verify(page, role.roleArn(account.id));
  await expect(page.getByRole("heading", { name: "What Ladder can read" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Missing permission: ecr:DescribeRepositories")).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: new RegExp(account.id) })).toContainText("Connected");
});

test("a wrong External ID and a malformed ARN get messages a person can act on", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Wrong");
  await signIn(page, owner.user.email);
  const org = await simulatedOrganization();
  const account = org.accounts[2]!;
  await startWizard(page, owner.slug, "One AWS account");
  const role = await deployRole({ externalId: "an-external-id-for-somebody-else-0123456789", accountIds: [account.id] });

  await verify(page, role.roleArn(account.id));
  await expect(page.getByText(/does not accept Ladder's principal with this External ID/)).toBeVisible({ timeout: 30_000 });
  await verify(page, "arn:aws:iam::12345:role/Nope");
  await expect(page.getByText("“12345” is not an AWS account id: it must be exactly 12 digits.")).toBeVisible();
});

test("an editor connects an organisation and its member accounts in bulk", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Orgs");
  await signIn(page, owner.user.email);
  const org = await simulatedOrganization();
  const externalId = await startWizard(page, owner.slug, "An AWS Organization (management account)");
  await expect(page.getByRole("tab", { name: "StackSets" })).toBeVisible();
  const role = await deployRole({ externalId });

  await verify(page, role.roleArn(org.managementAccountId));
  await expect(page.getByRole("heading", { name: "What Ladder can read" })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Role name in member accounts").fill(role.roleName);
  await page.getByRole("button", { name: "Connect selected accounts" }).click();
  await expect(page.getByRole("link", { name: "Done" })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("link", { name: "Done" }).click();
  for (const account of org.accounts.slice(0, 4)) {
    await expect(page.getByRole("row", { name: new RegExp(account.id) })).toContainText("Connected");
  }
});

test("a viewer cannot onboard, and another workspace sees none of the accounts or External IDs", async ({ page, browser }) => {
  const owner = await makeUserWithWorkspace("Guarded");
  await signIn(page, owner.user.email);
  await startWizard(page, owner.slug, "One AWS account");
  const pendingRef = new URL(page.url()).searchParams.get("setup")!;
  expect(pendingRef).toBeTruthy();

  const viewer = await addMemberTo(owner.slug, "viewer");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signIn(viewerPage, viewer.email);
  await viewerPage.goto(`/w/${owner.slug}/accounts`);
  await expect(viewerPage.getByText("Only editors, admins and owners can connect AWS accounts.")).toBeVisible();
  await expect(
    viewerPage.getByRole("link", { name: "Connect AWS" }).or(viewerPage.getByRole("button", { name: "Connect AWS" })),
  ).toHaveCount(0);
  const refused = await trpcMutation(viewerPage.request, "accounts.start", { workspace: owner.slug, kind: "account" });
  expect(refused.body.error?.json.data.code).toBe("FORBIDDEN");
  const secret = await trpcQuery(viewerPage.request, "accounts.onboarding", { workspace: owner.slug, accountRef: pendingRef });
  expect(secret.body.error?.json.data.code).toBe("FORBIDDEN");
  await viewerContext.close();

  const other = await makeUserWithWorkspace("Outsider");
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, other.user.email);
  const response = await otherPage.goto(`/w/${owner.slug}/accounts?setup=${pendingRef}`);
  expect(response?.status()).toBe(404);
  for (const [path, input] of [
    ["accounts.list", { workspace: owner.slug }],
    ["accounts.onboarding", { workspace: other.slug, accountRef: pendingRef }],
  ] as const) {
    const result = await trpcQuery(otherPage.request, path, input);
    expect(result.body.error?.json.data.code, path).toBe("NOT_FOUND");
    expect(JSON.stringify(result.body)).not.toMatch(/[\w-]{40}/);
  }
  await otherContext.close();
});
