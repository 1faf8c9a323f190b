import { randomBytes } from "node:crypto";
import { db } from "~/server/db";

// Every table of the migrated database and how its rows belong to a workspace, read from
// Postgres's catalogue rather than listed by hand: a table added by a later migration is seeded
// and checked by the workspace-deletion test without anyone remembering to add it.

interface Column {
  name: string;
  type: string;
  category: string;
  typeName: string;
  notNull: boolean;
  hasDefault: boolean;
}

/** A column that points at another table's column: a foreign key, or a link kept without one. */
interface Reference {
  columns: string[];
  table: string;
  refColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** References whose columns are all NOT NULL: the row cannot exist without its parent. */
  required: Reference[];
}

/**
 * The daily cost tables dropped their foreign key to AwsAccount for COPY's sake (migration
 * 20261127030000) and are deleted with their account by a trigger; `awsAccountRef` is the
 * schema's name for that link everywhere, so a column of that name without a key still counts.
 * The same holds for `ownerRef` below.
 */
const LINKS_WITHOUT_KEYS: Record<string, Reference> = {
  awsAccountRef: { columns: ["awsAccountRef"], table: "AwsAccount", refColumns: ["id"] },
  // ScopeFetch and SeenKeys: an AwsAccount's or an AwsOrganization's id, deleted with either by a
  // trigger (migration 20261203130000); seeded here as an account's.
  ownerRef: { columns: ["ownerRef"], table: "AwsAccount", refColumns: ["id"] },
};

const LEDGER = "_prisma_migrations";

export async function readTables(): Promise<Map<string, TableInfo>> {
  const columns = await db.$queryRawUnsafe<
    { table: string; name: string; type: string; category: string; typeName: string; notNull: boolean; hasDefault: boolean }[]
  >(`
    SELECT c.relname::text AS "table", a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
           t.typcategory::text AS category, t.typname::text AS "typeName", a.attnotnull AS "notNull", a.atthasdef AS "hasDefault"
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relname <> '${LEDGER}'
     ORDER BY c.relname, a.attnum`);
  const keys = await db.$queryRawUnsafe<
    { table: string; kind: string; columns: string[]; refTable: string | null; refColumns: string[] | null }[]
  >(`
    SELECT c.relname::text AS "table", k.contype::text AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
           r.relname::text AS "refTable",
           CASE WHEN k.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) END AS "refColumns"
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f')`);

  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], required: [] };
    table.columns.push({ ...c });
    tables.set(c.table, table);
  }
  for (const k of keys) {
    const table = tables.get(k.table);
    if (!table) continue;
    if (k.kind === "p") table.primaryKey = k.columns;
    else if (k.refTable) table.required.push({ columns: k.columns, table: k.refTable, refColumns: k.refColumns ?? [] });
  }
  for (const table of tables.values()) {
    for (const [column, link] of Object.entries(LINKS_WITHOUT_KEYS)) {
      const linked = table.required.some((r) => r.columns.includes(column));
      if (!linked && table.columns.some((c) => c.name === column)) table.required.push(link);
    }
    const notNull = new Set(table.columns.filter((c) => c.notNull).map((c) => c.name));
    table.required = table.required.filter((r) => r.columns.every((c) => notNull.has(c)));
  }
  return tables;
}

/**
 * Whether a table's rows belong to one workspace: it holds a NOT NULL `workspaceId`, or it
 * cannot exist without a parent row that belongs to one.
 */
export function isWorkspaceScoped(tables: Map<string, TableInfo>, name: string, seen = new Set<string>()): boolean {
  if (name === "Workspace") return true;
  const table = tables.get(name);
  if (!table || seen.has(name)) return false;
  seen.add(name);
  if (table.columns.some((c) => c.name === "workspaceId" && c.notNull)) return true;
  return table.required.some((r) => isWorkspaceScoped(tables, r.table, seen));
}

type Row = Record<string, unknown>;

function sampleValue(column: Column, enumLabels: Map<string, string>): string {
  if (column.typeName === "json" || column.typeName === "jsonb") return "{}";
  if (column.typeName === "bytea") return "\\x00";
  switch (column.category) {
    case "A":
      return "{}";
    case "B":
      return "false";
    case "N":
      return "1";
    case "D":
      return "now";
    case "E":
      return enumLabels.get(column.typeName)!;
    default:
      return `${column.name}-${randomBytes(6).toString("hex")}`;
  }
}

export interface SeededRow {
  table: string;
  /** The primary key's values as text, in primaryKey order. */
  key: string[];
}

/**
 * Writes one row into every workspace-scoped table for `workspaceId` (and the rows of other
 * tables those need, such as a User for a Membership), parents before children. Required
 * columns get plain values of their type; references point at the rows seeded before.
 */
export async function seedEveryTable(tables: Map<string, TableInfo>, workspaceId: string): Promise<SeededRow[]> {
  const labels = await db.$queryRawUnsafe<{ typeName: string; label: string }[]>(`
    SELECT DISTINCT ON (t.typname) t.typname::text AS "typeName", e.enumlabel::text AS label
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`);
  const enumLabels = new Map(labels.map((l) => [l.typeName, l.label]));
  const written = new Map<string, Row>();
  const seeded: SeededRow[] = [];

  const seed = async (name: string, path: string[] = []): Promise<Row> => {
    if (name === "Workspace") return { id: workspaceId };
    const done = written.get(name);
    if (done) return done;
    if (path.includes(name)) throw new Error(`Required references form a cycle: ${[...path, name].join(" → ")}`);
    const table = tables.get(name)!;
    const values = new Map<string, unknown>();
    for (const reference of table.required) {
      const parent = await seed(reference.table, [...path, name]);
      reference.columns.forEach((column, i) => values.set(column, parent[reference.refColumns[i]!]));
    }
    for (const column of table.columns) {
      if (values.has(column.name) || !column.notNull || column.hasDefault) continue;
      values.set(column.name, column.name === "workspaceId" ? workspaceId : sampleValue(column, enumLabels));
    }
    const names = [...values.keys()];
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const sql = `INSERT INTO "${name}" (${names.map((n) => `"${n}"`).join(", ")})
      VALUES (${names.map((n, i) => `$${i + 1}::${byName.get(n)!.type}`).join(", ")}) RETURNING *,
      ARRAY[${table.primaryKey.map((k) => `"${k}"::text`).join(", ")}] AS "__key"`;
    const [row] = await db.$queryRawUnsafe<Row[]>(sql, ...names.map((n) => String(values.get(n))));
    written.set(name, row!);
    seeded.push({ table: name, key: row!.__key as string[] });
    return row!;
  };

  for (const name of tables.keys()) if (isWorkspaceScoped(tables, name)) await seed(name);
  return seeded;
}

export async function rowExists(tables: Map<string, TableInfo>, row: SeededRow): Promise<boolean> {
  const keys = tables.get(row.table)!.primaryKey;
  const where = keys.map((k, i) => `"${k}"::text = $${i + 1}`).join(" AND ");
  const found = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "${row.table}" WHERE ${where}`, ...row.key);
  return found.length > 0;
}
