import type pg from "pg";
import type { TableShape } from "~/server/db/table-shape";
import type { Row } from "./upsert";

// The daily cost tables have no foreign key to AwsAccount (Postgres would check it once per row
// of a COPY). A batch written to them runs in a transaction that first locks its accounts as the
// foreign key would, once: FOR KEY SHARE fails the batch if an account is gone and holds off its
// deletion until the batch commits, after which a trigger deletes the rows with the account.
export async function inAccountTransaction<T>(
  client: pg.PoolClient,
  shape: TableShape,
  rows: Row[],
  work: () => Promise<T>,
): Promise<T> {
  if (!shape.locksAccount) return work();
  const refs = [...new Set(rows.map((row) => String(row.awsAccountRef)))];
  await client.query("BEGIN");
  const { rows: found } = await client.query<{ id: string }>(
    `SELECT id FROM "AwsAccount" WHERE id = ANY ($1::text[]) FOR KEY SHARE`,
    [refs],
  );
  if (found.length < refs.length) {
    await client.query("ROLLBACK");
    const missing = refs.filter((ref) => !found.some((f) => f.id === ref));
    throw new AccountGoneError(missing);
  }
  const result = await work();
  await client.query("COMMIT");
  return result;
}

export class AccountGoneError extends Error {
  constructor(refs: string[]) {
    super(`The AWS account ${refs.join(", ")} was removed from the workspace while its data was being written.`);
    this.name = "AccountGoneError";
  }
}
