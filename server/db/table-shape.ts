import type { PrismaClient } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { textColumnKind, type TextColumnKind } from "~/server/db/text-values";

// The columns of a table as the bulk writers need them: the SQL type the database reports and
// how values travel as text. Read from the catalog once per table and process.
export interface TableShape {
  columns: { name: string; type: string; kind: TextColumnKind }[];
  // Tables keyed by their natural key alone (CostDaily) have no surrogate id to fill.
  hasId: boolean;
  hasUpdatedAt: boolean;
  // Rows name an AwsAccount (awsAccountRef) without a foreign key to it (the daily cost tables):
  // writers lock the account once per batch instead (server/ingest/account-lock.ts).
  locksAccount: boolean;
}

const shapes = new Map<string, Promise<TableShape>>();

// `client` reads the catalog: pass the transaction a caller holds, so that it needs no second
// connection from the pool.
export function shapeOf(table: string, client: CatalogReader = db): Promise<TableShape> {
  let shape = shapes.get(table);
  if (!shape) {
    shape = readShape(table, client);
    shapes.set(table, shape);
    shape.catch(() => shapes.delete(table));
  }
  return shape;
}

type CatalogReader = Pick<PrismaClient, "$queryRawUnsafe">;

async function readShape(table: string, client: CatalogReader): Promise<TableShape> {
  const columns = await client.$queryRawUnsafe<{ name: string; type: string }[]>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    quote(table),
  );
  if (!columns.length) throw new Error(`bulk write: unknown table ${table}`);
  const [{ accountKey } = { accountKey: false }] = await client.$queryRawUnsafe<{ accountKey: boolean }[]>(
    `SELECT EXISTS (
       SELECT 1 FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.conrelid = to_regclass($1) AND c.contype = 'f' AND a.attname = 'awsAccountRef') AS "accountKey"`,
    quote(table),
  );
  return {
    columns: columns.map((c) => ({ ...c, kind: textColumnKind(c.type) })),
    hasId: columns.some((c) => c.name === "id"),
    hasUpdatedAt: columns.some((c) => c.name === "updatedAt"),
    locksAccount: columns.some((c) => c.name === "awsAccountRef") && !accountKey,
  };
}

// The columns a batch writes: those its first row provides, without the ones the writer owns.
export function providedColumns(shape: TableShape, first: Record<string, unknown>): TableShape["columns"] {
  const provided = new Set(Object.keys(first));
  return shape.columns.filter((c) => provided.has(c.name) && c.name !== "id" && c.name !== "lastSeenRunId");
}

export const quote = (name: string) => `"${name}"`;
