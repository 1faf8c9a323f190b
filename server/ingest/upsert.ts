import { db } from "~/server/db";
import { expectedSchema, type ExpectedColumn } from "~/server/db/schema-model";

// Bulk upsert by natural key with one JSON parameter per batch: Postgres turns the records into
// typed rows (jsonb_to_recordset), so money stays exact decimal text until the database.
// Rows whose values did not change are not rewritten, only marked as seen by this run, so a
// repeated sync reports them as unchanged and stale-row deletion can trust lastSeenRunId.

export type Row = Record<string, unknown>;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

interface TableShape {
  columns: ExpectedColumn[];
  hasUpdatedAt: boolean;
}

let shapes: Map<string, TableShape> | undefined;

function shapeOf(table: string): TableShape {
  shapes ??= new Map(
    [...expectedSchema().tables].map(([name, columns]) => [
      name,
      { columns, hasUpdatedAt: columns.some((c) => c.name === "updatedAt") },
    ]),
  );
  const shape = shapes.get(table);
  if (!shape) throw new Error(`upsert: unknown table ${table}`);
  return shape;
}

const quote = (name: string) => `"${name}"`;
// jsonb_to_recordset needs plain type names: enum types are quoted identifiers already.
const recordType = (type: string) => type.replace(/^TIMESTAMP\(3\)/, "timestamp(3)");

const BATCH = 1000;

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

// ON CONFLICT cannot touch the same row twice in one statement; the last record wins.
function dedupe(rows: Row[], key: string[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(JSON.stringify(key.map((k) => row[k])), row);
  return [...byKey.values()];
}

async function upsertBatch(table: string, key: string[], rows: Row[], runId: string) {
  const shape = shapeOf(table);
  const provided = new Set(Object.keys(rows[0] ?? {}));
  const columns = shape.columns.filter((c) => provided.has(c.name) && c.name !== "id");
  const recordset = columns.map((c) => `${quote(c.name)} ${recordType(c.type)}`).join(", ");
  const names = columns.map((c) => quote(c.name));
  const values = columns.filter((c) => !key.includes(c.name)).map((c) => quote(c.name));
  const changed = values.length
    ? `WHERE (${values.map((v) => `t.${v}`).join(", ")}) IS DISTINCT FROM (${values.map((v) => `EXCLUDED.${v}`).join(", ")})`
    : "WHERE false";
  const insertColumns = [`"id"`, ...names, `"lastSeenRunId"`, ...(shape.hasUpdatedAt ? [`"updatedAt"`] : [])];
  const selectList = ["gen_random_uuid()::text", ...names.map((n) => `x.${n}`), "$2", ...(shape.hasUpdatedAt ? ["now()"] : [])];
  const assignments = [
    ...values.map((v) => `${v} = EXCLUDED.${v}`),
    `"lastSeenRunId" = EXCLUDED."lastSeenRunId"`,
    ...(shape.hasUpdatedAt ? [`"updatedAt" = now()`] : []),
  ];
  const sql = `
    INSERT INTO ${quote(table)} AS t (${insertColumns.join(", ")})
    SELECT ${selectList.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset})
    ON CONFLICT (${key.map(quote).join(", ")}) DO UPDATE SET ${assignments.join(", ")} ${changed}
    RETURNING (xmax = 0) AS inserted`;
  const payload = JSON.stringify(rows, jsonValue);
  const result = await db.$queryRawUnsafe<{ inserted: boolean }[]>(sql, payload, runId);
  const inserted = result.filter((r) => r.inserted).length;
  // Rows the WHERE above left alone still belong to this run's view of AWS.
  const keyRecord = key.map((k) => `${quote(k)} ${recordType(shape.columns.find((c) => c.name === k)!.type)}`).join(", ");
  await db.$executeRawUnsafe(
    `UPDATE ${quote(table)} AS t SET "lastSeenRunId" = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(${keyRecord})
      WHERE ${key.map((k) => `t.${quote(k)} = x.${quote(k)}`).join(" AND ")} AND t."lastSeenRunId" IS DISTINCT FROM $2`,
    payload,
    runId,
  );
  return { inserted, updated: result.length - inserted };
}

function jsonValue(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  return value;
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
