import pg from "pg";
import { expectedSchema } from "~/server/db/schema-model";

// Grows a synced organisation to `total` accounts by copying the rows of its real member accounts
// (round robin) to new account ids: every table a sync fills, with the same shapes and the same
// mix of passing and failing evidence, without a ten-minute sync of a thousand accounts.

const quote = (name: string) => `"${name}"`;

export async function cloneAccounts(databaseUrl: string, workspaceId: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: templates } = await client.query<{ id: string; accountId: string }>(
      `SELECT a.id, a."accountId" FROM "AwsAccount" a
         JOIN "AwsOrganization" o ON o.id = a."organizationRefId"
        WHERE a."workspaceId" = $1 AND a.status = 'connected' AND a."accountId" <> o."managementAccountId"
        ORDER BY a."accountId"`,
      [workspaceId],
    );
    const existing = Number(
      (await client.query(`SELECT count(*) FROM "AwsAccount" WHERE "workspaceId" = $1`, [workspaceId])).rows[0].count,
    );
    const toAdd = total - existing;
    if (toAdd <= 0 || !templates.length) return existing;

    await client.query("BEGIN");
    await client.query(
      `CREATE TEMP TABLE clone_map (template_ref text, template_account text, new_ref text, new_account text) ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO clone_map
       SELECT t.id, t."accountId", gen_random_uuid()::text, lpad((500000000000 + n)::text, 12, '0')
         FROM generate_series(1, $1::int) n
         JOIN (SELECT id, "accountId", row_number() OVER (ORDER BY "accountId") - 1 AS k FROM unnest($2::text[], $3::text[]) AS x(id, "accountId")) t
           ON t.k = (n - 1) % $4::int`,
      [toAdd, templates.map((t) => t.id), templates.map((t) => t.accountId), templates.length],
    );
    await client.query(
      `INSERT INTO "AwsAccount" (id, "workspaceId", kind, "accountId", name, "roleArn", "externalId", status, environment,
                                 "environmentSource", "ouPath", "organizationRefId", "isDemo", capabilities, "lastVerifiedAt", "createdAt", "updatedAt")
       SELECT m.new_ref, a."workspaceId", a.kind, m.new_account, a.name || '-' || m.new_account,
              replace(a."roleArn", a."accountId", m.new_account), a."externalId", a.status, a.environment, a."environmentSource",
              a."ouPath", a."organizationRefId", a."isDemo", a.capabilities, a."lastVerifiedAt", now(), now()
         FROM clone_map m JOIN "AwsAccount" a ON a.id = m.template_ref`,
    );
    await client.query(
      `INSERT INTO "OrgMember" (id, "organizationRefId", "accountId", name, email, status, "parentId", "ouPath", "joinedAt", "lastSeenRunId", "updatedAt")
       SELECT gen_random_uuid()::text, o."organizationRefId", m.new_account, o.name || '-' || m.new_account,
              m.new_account || '-' || o.email, o.status, o."parentId", o."ouPath", o."joinedAt", o."lastSeenRunId", now()
         FROM clone_map m JOIN "OrgMember" o ON o."accountId" = m.template_account`,
    );
    for (const [table, columns] of expectedSchema().tables) {
      const names = new Set(columns.map((c) => c.name));
      if (!names.has("awsAccountRef") || table === "AwsAccount") continue;
      const select = columns.map((c) => {
        if (c.name === "id") return "gen_random_uuid()::text";
        if (c.name === "awsAccountRef")
          return `CASE WHEN t."awsAccountRef" = m.template_ref THEN m.new_ref ELSE t."awsAccountRef" END`;
        if (c.name === "accountId")
          return `CASE WHEN t."accountId" = m.template_account THEN m.new_account ELSE t."accountId" END`;
        if (c.name === "externalKey") return `t."externalKey" || ':' || m.new_account`;
        return `t.${quote(c.name)}`;
      });
      const join = names.has("accountId")
        ? `t."awsAccountRef" = m.template_ref OR (t."accountId" = m.template_account AND t."awsAccountRef" <> m.template_ref)`
        : `t."awsAccountRef" = m.template_ref`;
      await client.query(
        `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")})
         SELECT ${select.join(", ")} FROM ${quote(table)} t JOIN clone_map m ON ${join}`,
      );
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return existing + toAdd;
  } finally {
    await client.end();
  }
}
