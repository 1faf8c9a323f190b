import { db } from "~/server/db";

// Rows a sync wrote for one workspace, per table: every table keyed to an AWS account or an
// organisation, found in the catalogue, so a table added later is counted too.
export async function syncedRowCounts(workspaceId: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column"
      FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name IN ('awsAccountRef', 'organizationRefId')
     ORDER BY 1, 2`;
  const counts: Record<string, number> = {};
  for (const { table, column } of tables) {
    if (counts[table] !== undefined) continue;
    const parent = column === "awsAccountRef" ? "AwsAccount" : "AwsOrganization";
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}" IN (SELECT id FROM "${parent}" WHERE "workspaceId" = $1)`,
      workspaceId,
    );
    counts[table] = row!.count;
  }
  return counts;
}
