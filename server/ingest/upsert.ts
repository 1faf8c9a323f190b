import { withConnection } from "~/server/db";
import { textValue } from "~/server/db/text-values";
import { providedColumns, quote, shapeOf, type TableShape } from "~/server/db/table-shape";
import { inAccountTransaction } from "./account-lock";
import { literal, OWNER_COLUMNS } from "./stale-rows";

export { deleteUnseen, deleteUnseenIn } from "./stale-rows";

// Bulk upsert by natural key, one statement and one round trip per batch: each column travels
// as one text array (compact, no per-row parameters) that Postgres unnests and casts to the
// column's type, so money stays exact decimal text until the database.
// Rows whose values did not change are not rewritten at all (a daily re-sync of an unchanged
// organisation would otherwise rewrite about a million rows to mark them seen): inserted and
// changed rows carry the run in lastSeenRunId, and the keys of unchanged ones are staged in
// SeenKeys, one row per batch, for the stale-row removal after the scope's fetch (stale-rows.ts).

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
// statement's snapshot, each found through the natural key's index: as a plain join, Postgres
// hashed the whole table for a batch of a few hundred rows whenever the batch looked large next
// to the table (a Deployment batch of 374 rows read all 27,000 rows of a first sync, 70 of its
// 100 ms). The LIMIT keeps the planner from turning the lookup back into a join. Known rows are updated when their values changed, their keys staged
// when they did not; the others are inserted. Keys are staged as the text of a row of their typed
// values, which the removal compares with the same text of a stored row.
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
  const owner = columns.find((c) => OWNER_COLUMNS.includes(c.name))?.name;
  const sql = `
    WITH incoming AS MATERIALIZED (
      SELECT ${columns.map((c, n) => `u.c${n}::${c.type} AS ${quote(c.name)}`).join(", ")}
        FROM unnest(${columns.map((_, n) => `$${n + 2}::text[]`).join(", ")}) AS u(${columns.map((_, n) => `c${n}`).join(", ")})
    ), known AS MATERIALIZED (
      SELECT ${key.map((k) => `i.${quote(k)}`).join(", ")}, ${changed} AS "changed"${values.map((v) => `, i.${v}`).join("")}
        FROM incoming AS i
       CROSS JOIN LATERAL (
         SELECT ${values.length ? values.map((v) => `t.${v}`).join(", ") : "1"} FROM ${target} AS t
          WHERE ${matches("t", "i")} LIMIT 1
       ) AS t
    ), updated AS (
      UPDATE ${target} AS t
         SET ${[
           ...values.map((v) => `${v} = k.${v}`),
           `"lastSeenRunId" = $1`,
           ...(hasUpdatedAt ? [`"updatedAt" = now()`] : []),
         ].join(", ")}
        FROM known AS k
       WHERE ${matches("t", "k")} AND k."changed"
      RETURNING 1
    ), staged AS (
      INSERT INTO "SeenKeys" (id, "runId", "tableName", "ownerRef", keys)
      SELECT gen_random_uuid()::text, $1, ${literal(table)}, ${owner ? `k.${quote(owner)}::text` : "''"},
             array_agg(ROW(${key.map((k) => `k.${quote(k)}`).join(", ")})::text)
        FROM known AS k WHERE NOT k."changed" GROUP BY 4
    ), inserted AS (
      INSERT INTO ${target} (${hasId ? `"id", ` : ""}${names.join(", ")}, "lastSeenRunId"${hasUpdatedAt ? `, "updatedAt"` : ""})
      SELECT ${hasId ? "gen_random_uuid()::text, " : ""}${names.map((n) => `i.${n}`).join(", ")}, $1${hasUpdatedAt ? ", now()" : ""}
        FROM incoming AS i
       WHERE NOT EXISTS (SELECT 1 FROM known AS k WHERE ${matches("k", "i")})
      ON CONFLICT (${key.map(quote).join(", ")}) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS inserted,
           (SELECT count(*) FROM updated)::int AS updated`;
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
