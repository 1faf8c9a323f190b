import { expectedSchema, type ExpectedColumn } from "~/server/db/schema-model";
import { textColumnKind, type TextColumnKind } from "~/server/db/text-values";

// The columns of a table as the bulk writers need them: SQL type and how values travel as text.
// Read from schema.prisma once per process.
export interface TableShape {
  columns: (ExpectedColumn & { kind: TextColumnKind })[];
  hasUpdatedAt: boolean;
}

let shapes: Map<string, TableShape> | undefined;

export function shapeOf(table: string): TableShape {
  shapes ??= new Map(
    [...expectedSchema().tables].map(([name, columns]) => [
      name,
      {
        columns: columns.map((c) => ({ ...c, kind: textColumnKind(c.type) })),
        hasUpdatedAt: columns.some((c) => c.name === "updatedAt"),
      },
    ]),
  );
  const shape = shapes.get(table);
  if (!shape) throw new Error(`bulk write: unknown table ${table}`);
  return shape;
}

// The columns a batch writes: those its first row provides, without the ones the writer owns.
export function providedColumns(shape: TableShape, first: Record<string, unknown>): TableShape["columns"] {
  const provided = new Set(Object.keys(first));
  return shape.columns.filter((c) => provided.has(c.name) && c.name !== "id" && c.name !== "lastSeenRunId");
}

export const quote = (name: string) => `"${name}"`;
