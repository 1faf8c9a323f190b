import { db } from "~/server/db";
import { quote } from "~/server/db/table-shape";
import type { Row } from "./upsert";

// Stale rows of a scope: after a complete fetch, the rows that the run neither wrote (inserted or
// changed rows carry its lastSeenRunId) nor found unchanged (their keys wait in SeenKeys). Each
// removal also records the fetch in ScopeFetch, which says when the unchanged rows were last
// confirmed; nothing else rewrites them.

export interface DayRange {
  column: string;
  from: string;
  to: string;
}

// The column that says whose a row is; staged keys are grouped by it so that one account's
// cleanup does not read the keys of a thousand others.
export const OWNER_COLUMNS = ["awsAccountRef", "organizationRefId"];

export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const naturalKeys = new Map<string, Promise<string[]>>();

// The unique key the upserts conflict on: every synced table has exactly one besides its id.
function naturalKeyOf(table: string): Promise<string[]> {
  let key = naturalKeys.get(table);
  if (!key) {
    key = db
      .$queryRawUnsafe<{ columns: string[] }[]>(
        `SELECT array_agg(a.attname::text ORDER BY k.n) AS columns
           FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
          WHERE i.indrelid = to_regclass($1) AND i.indisunique
          GROUP BY i.indexrelid HAVING array_agg(a.attname::text) <> ARRAY['id']`,
        quote(table),
      )
      .then((rows) => {
        if (rows.length !== 1) throw new Error(`stale rows: ${table} has ${rows.length} natural keys`);
        return rows[0]!.columns;
      });
    naturalKeys.set(table, key);
    key.catch(() => naturalKeys.delete(table));
  }
  return key;
}

// The scope's row the ScopeFetch table keys it by: its owner, the other columns' values in
// column order, and its days (all of them when it has no range).
function fetchedScope(scope: Row, range?: DayRange) {
  const owner = OWNER_COLUMNS.find((c) => c in scope);
  const detail = Object.keys(scope)
    .filter((c) => c !== owner)
    .sort()
    .map((c) => String(scope[c]))
    .join("|");
  return {
    owner: owner ? String(scope[owner]) : "",
    detail,
    from: range?.from ?? "-infinity",
    to: range?.to ?? "infinity",
  };
}

// One table's removal as a data-modifying CTE named `name`, its parameters appended to `params`
// (whose $1 is the run).
async function removal(name: string, table: string, scope: Row, params: unknown[], range?: DayRange): Promise<string> {
  const key = await naturalKeyOf(table);
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = Object.entries(scope).map(([column, value]) => `t.${quote(column)} = ${param(value)}`);
  if (range) {
    conditions.push(
      `t.${quote(range.column)} >= ${param(range.from)}::date AND t.${quote(range.column)} < ${param(range.to)}::date`,
    );
  }
  const f = fetchedScope(scope, range);
  const owner = param(f.owner);
  const where = `"tableName" = ${literal(table)} AND "ownerRef" = ${owner} AND detail = ${param(f.detail)}`;
  const from = `${param(f.from)}::date`;
  const to = `${param(f.to)}::date`;
  return `${name}_seen AS MATERIALIZED (
      SELECT unnest(s.keys) AS key FROM "SeenKeys" s
       WHERE s."runId" = $1 AND s."tableName" = ${literal(table)} AND s."ownerRef" IN (${owner}, '')
    ), ${name} AS (
      DELETE FROM ${quote(table)} AS t
       WHERE ${conditions.join(" AND ")} AND t."lastSeenRunId" IS DISTINCT FROM $1
         AND NOT EXISTS (SELECT 1 FROM ${name}_seen s WHERE s.key = ROW(${key.map((k) => `t.${quote(k)}`).join(", ")})::text)
      RETURNING 1
    ), ${name}_covered AS (
      DELETE FROM "ScopeFetch" WHERE ${where} AND "fromDay" >= ${from} AND "toDay" <= ${to}
         AND NOT ("fromDay" = ${from} AND "toDay" = ${to})
    ), ${name}_fetched AS (
      INSERT INTO "ScopeFetch" ("tableName", "ownerRef", detail, "fromDay", "toDay", "runId")
      VALUES (${literal(table)}, ${owner}, ${param(f.detail)}, ${from}, ${to}, $1)
      ON CONFLICT ("tableName", "ownerRef", detail, "fromDay", "toDay") DO UPDATE SET "runId" = excluded."runId"
    )`;
}

// Removes rows of a scope that this run did not see. Call it only after the scope's fetch
// completed: a partial fetch must never delete what it did not reach.
// A range narrows the scope further, e.g. the days a Cost Explorer window re-read.
export async function deleteUnseen(table: string, scope: Row, runId: string, range?: DayRange): Promise<number> {
  return deleteUnseenOf([table], scope, runId, range);
}

// deleteUnseen for several tables sharing a scope (a source's tables for one account and
// region), in one statement: one round trip instead of one per table.
export async function deleteUnseenIn(tables: string[], scope: Row, runId: string): Promise<number> {
  return deleteUnseenOf(tables, scope, runId);
}

async function deleteUnseenOf(tables: string[], scope: Row, runId: string, range?: DayRange): Promise<number> {
  if (!tables.length) return 0;
  const params: unknown[] = [runId];
  const parts: string[] = [];
  for (const [i, table] of tables.entries()) parts.push(await removal(`d${i}`, table, scope, params, range));
  const [row] = await db.$queryRawUnsafe<{ deleted: number }[]>(
    `WITH ${parts.join(", ")} SELECT (${tables.map((_, i) => `(SELECT count(*) FROM d${i})`).join(" + ")})::int AS deleted`,
    ...params,
  );
  return row!.deleted;
}

// A finished run's staged keys, and those of runs that died long ago, are of no further use.
export async function forgetSeenKeys(runId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "SeenKeys" WHERE "runId" = ${runId} OR "createdAt" < now() - interval '2 days'`;
}
