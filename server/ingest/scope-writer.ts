import { db } from "~/server/db";
import { copyInsert, isDuplicateKey } from "./copy-insert";
import { quote } from "~/server/db/table-shape";
import { dedupe, upsertRows, type Row, type UpsertCounts } from "./upsert";

export interface Scope {
  table: string;
  key: string[];
  // Column values every row of the scope shares, e.g. the payer account.
  where: Row;
  // A date range of the scope, e.g. the days a Cost Explorer window reads.
  range?: { column: string; from: string; to: string };
}

// Writes the rows of one scope for one run. When the scope held no rows as the run began (a
// first sync, a new month), rows go in with COPY, about twice as fast as the upsert; the moment
// one of them exists already (a retried task, a concurrent run) that batch and every later one
// are upserted instead, so the result is the same either way.
export interface ScopeWriter {
  write(rows: Row[]): Promise<UpsertCounts>;
  // How the last batch went in: "copy" while the scope was empty, else "upsert".
  readonly method: "copy" | "upsert" | undefined;
}

export function scopeWriter(scope: Scope, runId: string): ScopeWriter {
  let empty: Promise<boolean> | undefined;
  let method: ScopeWriter["method"];
  return {
    get method() {
      return method;
    },
    async write(rows) {
      empty ??= isScopeEmpty(scope);
      if (await empty) {
        const unique = dedupe(rows, scope.key);
        try {
          const inserted = await copyInsert(scope.table, unique, runId);
          method = "copy";
          return { inserted, updated: 0, unchanged: 0 };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          empty = Promise.resolve(false);
        }
      }
      method = "upsert";
      return upsertRows(scope.table, scope.key, rows, runId);
    },
  };
}

export async function isScopeEmpty({ table, where, range }: Scope): Promise<boolean> {
  const entries = Object.entries(where);
  const conditions = entries.map(([column], i) => `${quote(column)} = $${i + 1}`);
  const params: unknown[] = entries.map(([, value]) => value);
  if (range) {
    params.push(range.from, range.to);
    conditions.push(`${quote(range.column)} >= $${params.length - 1}::date AND ${quote(range.column)} < $${params.length}::date`);
  }
  const found = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM ${quote(table)} WHERE ${conditions.join(" AND ")} LIMIT 1`,
    ...params,
  );
  return found.length === 0;
}
