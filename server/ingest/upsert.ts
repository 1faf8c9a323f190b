import { db, withConnection } from "~/server/db";
import { textValue } from "~/server/db/text-values";
import { providedColumns, quote, shapeOf, type TableShape } from "~/server/db/table-shape";
import { inAccountTransaction } from "./account-lock";

// Bulk upsert by natural key, one statement and one round trip per batch: each column travels
// as one text array (compact, no per-row parameters) that Postgres unnests and casts to the
// column's type, so money stays exact decimal text until the database.
// Rows whose values did not change are not rewritten with new values, only marked as seen by
// this run, so a repeated sync reports them as unchanged and stale-row deletion can trust
// lastSeenRunId.

export type Row = Record<string, unknown>;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const BATCH = 5000;

export async function upsertRows(table: string, key: string[], rows: Row[], runId: string): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = dedupe(rows.slice(i, i + BATCH), key);
    const result = await upsertBatch(table, key, batch, runId);
    counts.inserted += result.inserted;
    counts.updated += result.updated;
    counts.unchanged += batch.length - result.inserted - result.updated;
  }
  return counts;
}

// One statement cannot touch the same row twice; the last record of a key wins.
export function dedupe(rows: Row[], key: string[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(key.map((k) => String(row[k])).join("\u0000"), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

const statements = new Map<string, string>();

// `incoming` holds the batch; `known` the stored rows it matches, read once from the
// statement's snapshot. Known rows are updated (values only when they changed, the run mark
// when it is not this run's yet), the others inserted.
// ON CONFLICT DO NOTHING covers a row another transaction inserts meanwhile.
function upsertSql(table: string, key: string[], columns: TableShape["columns"], shape: TableShape): string {
  const { hasId, hasUpdatedAt } = shape;
  const cacheKey = `${table}|${key.join(",")}|${columns.map((c) => c.name).join(",")}`;
  const cached = statements.get(cacheKey);
  if (cached) return cached;
  const names = columns.map((c) => quote(c.name));
  const values = columns.filter((c) => !key.includes(c.name)).map((c) => quote(c.name));
  const matches = (a: string, b: string) => key.map((k) => `${a}.${quote(k)} = ${b}.${quote(k)}`).join(" AND ");
  const changed = values.length
    ? `(${values.map((v) => `t.${v}`).join(", ")}) IS DISTINCT FROM (${values.map((v) => `i.${v}`).join(", ")})`
    : "false";
  const target = quote(table);
  const sql = `
    WITH incoming AS MATERIALIZED (
      SELECT ${columns.map((c, n) => `u.c${n}::${c.type} AS ${quote(c.name)}`).join(", ")}
        FROM unnest(${columns.map((_, n) => `$${n + 2}::text[]`).join(", ")}) AS u(${columns.map((_, n) => `c${n}`).join(", ")})
    ), known AS MATERIALIZED (
      SELECT ${key.map((k) => `i.${quote(k)}`).join(", ")}, ${changed} AS "changed",
             t."lastSeenRunId" IS DISTINCT FROM $1 AS "unseen"${values.map((v) => `, i.${v}`).join("")}
        FROM ${target} AS t JOIN incoming AS i ON ${matches("t", "i")}
    ), updated AS (
      UPDATE ${target} AS t
         SET ${[
           ...values.map((v) => `${v} = k.${v}`),
           `"lastSeenRunId" = $1`,
           ...(hasUpdatedAt ? [`"updatedAt" = CASE WHEN k."changed" THEN now() ELSE t."updatedAt" END`] : []),
         ].join(", ")}
        FROM known AS k
       WHERE ${matches("t", "k")} AND (k."changed" OR k."unseen")
      RETURNING k."changed"
    ), inserted AS (
      INSERT INTO ${target} (${hasId ? `"id", ` : ""}${names.join(", ")}, "lastSeenRunId"${hasUpdatedAt ? `, "updatedAt"` : ""})
      SELECT ${hasId ? "gen_random_uuid()::text, " : ""}${names.map((n) => `i.${n}`).join(", ")}, $1${hasUpdatedAt ? ", now()" : ""}
        FROM incoming AS i
       WHERE NOT EXISTS (SELECT 1 FROM known AS k WHERE ${matches("k", "i")})
      ON CONFLICT (${key.map(quote).join(", ")}) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS inserted,
           (SELECT count(*) FROM updated WHERE "changed")::int AS updated`;
  statements.set(cacheKey, sql);
  return sql;
}

async function upsertBatch(table: string, key: string[], rows: Row[], runId: string) {
  if (!rows.length) return { inserted: 0, updated: 0 };
  const shape = await shapeOf(table);
  const columns = providedColumns(shape, rows[0]!);
  const params: unknown[] = [runId];
  for (const column of columns) params.push(rows.map((row) => textValue(row[column.name], column.kind)));
  const sql = upsertSql(table, key, columns, shape);
  const result = await withConnection((client) =>
    inAccountTransaction(client, shape, rows, () => client.query<{ inserted: number; updated: number }>(sql, params)),
  );
  return result.rows[0]!;
}

// Removes rows of a scope that this run did not see. Call it only after the scope's fetch
// completed: a partial fetch must never delete what it did not reach.
// A range narrows the scope further, e.g. the days a Cost Explorer window re-read.
export async function deleteUnseen(
  table: string,
  scope: Row,
  runId: string,
  range?: { column: string; from: string; to: string },
): Promise<number> {
  const entries = Object.entries(scope);
  const conditions = entries.map(([column], i) => `${quote(column)} = $${i + 2}`);
  const params: unknown[] = [runId, ...entries.map(([, value]) => value)];
  if (range) {
    params.push(range.from, range.to);
    conditions.push(`${quote(range.column)} >= $${params.length - 1}::date AND ${quote(range.column)} < $${params.length}::date`);
  }
  return db.$executeRawUnsafe(
    `DELETE FROM ${quote(table)} WHERE ${conditions.join(" AND ")} AND "lastSeenRunId" IS DISTINCT FROM $1`,
    ...params,
  );
}

// deleteUnseen for several tables sharing a scope (a source's tables for one account and
// region), in one statement: one round trip instead of one per table.
export async function deleteUnseenIn(tables: string[], scope: Row, runId: string): Promise<number> {
  if (!tables.length) return 0;
  const entries = Object.entries(scope);
  const conditions = entries.map(([column], i) => `${quote(column)} = $${i + 2}`).join(" AND ");
  const deletes = tables.map(
    (table, i) =>
      `d${i} AS (DELETE FROM ${quote(table)} WHERE ${conditions} AND "lastSeenRunId" IS DISTINCT FROM $1 RETURNING 1)`,
  );
  const [row] = await db.$queryRawUnsafe<{ deleted: number }[]>(
    `WITH ${deletes.join(", ")} SELECT (${tables.map((_, i) => `(SELECT count(*) FROM d${i})`).join(" + ")})::int AS deleted`,
    runId,
    ...entries.map(([, value]) => value),
  );
  return row!.deleted;
}
