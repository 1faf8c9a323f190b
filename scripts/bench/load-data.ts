// The load test's data set, in one workspace that all its users belong to: the incidents
// benchmark's 1,000 accounts (two years of deployments and incidents), the FinOps benchmark's 13
// months of daily cost rows for the same accounts (account 000000000000 connected as the
// organisation that pays for them), a maturity evaluation of those accounts, and two years of
// daily snapshots behind it. Each part is the other benchmarks' own writer.
import pg from "pg";
import { addMonths, monthKey, monthStart, startOfDay } from "~/server/finops/periods";
import { evaluateAndStore } from "~/server/maturity/evaluation.service";
import { db } from "~/server/db";
import { mergeWorkspaceIncidents } from "~/server/incidents/merge-store";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import { writeCostRows } from "./finops-api";
import { writeIncidentRows } from "./incidents-data";
import { seedSnapshotHistory } from "./snapshot-history";

export const USER_PASSWORD = "correct horse battery staple";
export const HISTORY_DAYS = 730;

export interface LoadData {
  slug: string;
  emails: string[];
  summary: string;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

export async function writeLoadData(databaseUrl: string, accounts: number, users: number): Promise<LoadData> {
  const now = new Date();
  const owner = await createLocalUser({ email: "bench-load-0@example.test", name: "Bench user 0", password: USER_PASSWORD });
  const workspace = await createWorkspace({ userId: owner.id, name: "Bench load", slug: "bench-load" });
  // The other users share the owner's password hash: hashing it 50 times (scrypt, N=2^17) would
  // take minutes on a busy machine and is no part of what is measured. Each signs in for real.
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
  const emails = Array.from({ length: users }, (_, i) => `bench-load-${i}@example.test`);
  await db.user.createMany({ data: emails.slice(1).map((email, i) => ({ email, name: `Bench user ${i + 1}`, passwordHash })) });
  const members = await db.user.findMany({ where: { email: { in: emails.slice(1) } }, select: { id: true } });
  await db.membership.createMany({
    data: members.map((m) => ({ workspaceId: workspace.id, userId: m.id, role: "viewer" as const })),
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await timed(`${accounts} accounts, 2,000,000 deployments, 200,000 incident rows`, () =>
      writeIncidentRows(client, workspace.id, accounts, now),
    );
    // As the writers do: the same incidents merged (server/incidents/merge-store.ts).
    await timed("same-incident merge", () => mergeWorkspaceIncidents(workspace.id));
    await client.query(`UPDATE "AwsAccount" SET kind = 'organization' WHERE id = 'bench-0'`);
    const from = addMonths(monthStart(monthKey(addMonths(now, -1))), -12);
    await timed(`13 months of daily cost rows`, () => writeCostRows(client, accounts, from, startOfDay(now)));
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  await timed("maturity evaluation", () => evaluateAndStore(workspace.id, { trigger: "manual" }));
  await timed(`${HISTORY_DAYS} days of snapshots`, () => seedSnapshotHistory(databaseUrl, workspace.id, HISTORY_DAYS));
  const summary =
    `${accounts} accounts; two years of CodeDeploy deployments (2,000,000), incidents (200,000 rows) and FIS experiments (5,000); ` +
    `13 months of daily EC2 and commitment cost rows; one maturity evaluation and ${HISTORY_DAYS} daily snapshots behind it; ${users} users`;
  return { slug: workspace.slug, emails, summary };
}
