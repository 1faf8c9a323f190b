import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedSchema } from "./schema-model";

// The migrations are hand-written SQL (Prisma's schema engine cannot run offline), so this
// test is what keeps them honest: the migrated database must be exactly schema.prisma.

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const expected = expectedSchema();

beforeAll(() => client.connect());
afterAll(() => client.end());

async function rows<T>(sql: string): Promise<T[]> {
  return (await client.query(sql)).rows as T[];
}

function normaliseType(
  dataType: string,
  udt: string,
  precision: number | null,
  scale: number | null,
  dtPrecision: number | null,
  charLen: number | null,
): string {
  switch (dataType) {
    case "text":
      return "TEXT";
    case "integer":
      return "INTEGER";
    case "bigint":
      return "BIGINT";
    case "smallint":
      return "SMALLINT";
    case "double precision":
      return "DOUBLE PRECISION";
    case "real":
      return "REAL";
    case "boolean":
      return "BOOLEAN";
    case "jsonb":
      return "JSONB";
    case "json":
      return "JSON";
    case "bytea":
      return "BYTEA";
    case "uuid":
      return "UUID";
    case "date":
      return "DATE";
    case "inet":
      return "INET";
    case "numeric":
      return `DECIMAL(${precision},${scale})`;
    case "timestamp without time zone":
      return `TIMESTAMP(${dtPrecision})`;
    case "timestamp with time zone":
      return `TIMESTAMPTZ(${dtPrecision})`;
    case "character varying":
      return charLen ? `VARCHAR(${charLen})` : "VARCHAR";
    case "character":
      return `CHAR(${charLen})`;
    case "USER-DEFINED":
      return `"${udt}"`;
    case "ARRAY":
      return `${normaliseType(
        udt
          .replace(/^_/, "")
          .replace(/^int4$/, "integer")
          .replace(/^int8$/, "bigint")
          .replace(/^int2$/, "smallint")
          .replace(/^bool$/, "boolean"),
        udt,
        precision,
        scale,
        dtPrecision,
        charLen,
      )}[]`;
    default:
      return dataType.toUpperCase();
  }
}

describe("migrations match prisma/schema.prisma", () => {
  it("has every table and no others", async () => {
    const tables = await rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([...expected.tables.keys()].sort());
  });

  it("has every enum with its values in order", async () => {
    const values = await rows<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = new Map<string, string[]>();
    for (const v of values) actual.set(v.typname, [...(actual.get(v.typname) ?? []), v.enumlabel]);
    expect(actual).toEqual(expected.enums);
  });

  it("has every column with its type, nullability and default", async () => {
    const columns = await rows<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      numeric_precision: number | null;
      numeric_scale: number | null;
      datetime_precision: number | null;
      character_maximum_length: number | null;
    }>(`SELECT * FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, ordinal_position`);
    for (const [table, expectedColumns] of expected.tables) {
      const actual = columns
        .filter((c) => c.table_name === table)
        .map((c) => ({
          name: c.column_name,
          type: normaliseType(
            c.data_type,
            c.udt_name,
            c.numeric_precision,
            c.numeric_scale,
            c.datetime_precision,
            c.character_maximum_length,
          ),
          nullable: c.is_nullable === "YES",
          hasDefault: c.column_default !== null,
        }));
      const wanted = expectedColumns.map((c) => ({
        name: c.name,
        type: c.type,
        nullable: c.nullable,
        hasDefault: c.default !== null,
      }));
      expect({ table, columns: actual }).toEqual({ table, columns: wanted });
    }
  });

  it("has every index, unique constraint and primary key, and no others", async () => {
    const indexes = await rows<{ name: string; table: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname <> '_prisma_migrations'
        GROUP BY i.relname, t.relname, ix.indisunique, ix.indisprimary`,
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(indexes.sort(byName)).toEqual([...expected.indexes].sort(byName));
  });

  it("has every foreign key with its referential actions, and no others", async () => {
    const keys = await rows<{
      name: string;
      table: string;
      columns: string[];
      refTable: string;
      refColumns: string[];
      onDelete: string;
      onUpdate: string;
    }>(
      `SELECT c.conname AS name, t.relname AS table, rt.relname AS "refTable",
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS "refColumns",
              CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS "onDelete",
              CASE c.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS "onUpdate"
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class rt ON rt.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'`,
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(keys.sort(byName)).toEqual([...expected.foreignKeys].sort(byName));
  });

  it("records the migrations in the ledger prisma migrate deploy reads", async () => {
    const ledger = await rows<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations"`,
    );
    expect(ledger.length).toBeGreaterThan(0);
    for (const row of ledger) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
