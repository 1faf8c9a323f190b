import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";

// Rows the bulk-writer tests share: an account to hang them on, daily cost rows, and an ECR image
// whose text, arrays and JSON hold every character that needs escaping somewhere.

export async function testAccount(name = "Bulk writes") {
  const { workspace } = await workspaceWithOwner(name);
  return db.awsAccount.create({
    data: { workspaceId: workspace.id, kind: "account", externalId: "x".repeat(40), accountId: "123456789012" },
  });
}

export const costKey = ["awsAccountRef", "day", "accountId", "service"];

export const costRow = (ref: string, day: string, service: string, amount: string) => ({
  awsAccountRef: ref,
  day,
  accountId: "111111111111",
  service,
  unblended: amount,
  amortized: amount,
  currency: "USD",
  estimated: false,
});

export const storedCost = (ref: string) =>
  db.costDaily.findMany({ where: { awsAccountRef: ref }, orderBy: [{ day: "asc" }, { service: "asc" }] });

export const imageKey = ["awsAccountRef", "region", "repositoryName", "digest"];

// Two images: one with awkward values everywhere, one with empty and NULL values.
export function awkwardImages(ref: string) {
  const awkward = 'tab\tnew\nline\r back\\slash "quoted" {brace} a,b ünïcødé 🚀 \\N';
  const image = {
    awsAccountRef: ref,
    region: "eu-west-1",
    repositoryName: awkward,
    digest: "sha256:1",
    tags: ["v1,2", 'quote"d', "back\\slash", "tab\tnew\nline", "{brace}", "NULL", "", "\\N"],
    pushedAt: new Date("2026-03-04T05:06:07.089Z"),
    lastPulledAt: null,
    scanStatus: "\\N",
    severityCounts: { CRITICAL: 1, note: awkward, nested: [null, true, 1.5] },
  };
  return [image, { ...image, digest: "sha256:2", tags: [], scanStatus: null, severityCounts: {} }];
}

export const storedImages = async (ref: string) =>
  (await db.ecrImage.findMany({ where: { awsAccountRef: ref }, orderBy: { digest: "asc" } })).map(
    ({ id: _id, lastSeenRunId: _run, ...rest }) => rest,
  );
