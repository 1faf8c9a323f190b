import type pg from "pg";
import { quote, shapeOf } from "./table-shape";

// Inserts many rows with one JSON parameter per batch: Postgres types the records itself
// (jsonb_to_recordset), so thousands of rows cost one round trip instead of thousands of
// bound parameters. Columns are taken from the first row and typed from the database's catalog.
// It takes a connection (withConnection), not Prisma: Prisma's debug log keeps the arguments of
// its last hundred queries, which for these would be megabytes each.

type Executor = Pick<pg.ClientBase, "query">;

export async function insertRows(client: Executor, table: string, rows: Record<string, unknown>[], batchSize = 5000) {
  if (!rows.length) return 0;
  const { columns } = await shapeOf(table);
  const provided = new Set(Object.keys(rows[0]!));
  const used = columns.filter((c) => provided.has(c.name));
  const names = used.map((c) => quote(c.name)).join(", ");
  const recordset = used.map((c) => `${quote(c.name)} ${c.type}`).join(", ");
  const sql = `INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset})`;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const result = await client.query(sql, [JSON.stringify(rows.slice(i, i + batchSize))]);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
