import type { ExpectedSchema } from "./schema-model";

// Renders CREATE statements in the layout `prisma migrate dev` writes, for the tables named
// (all by default). Used to draft migrations offline; the drift test checks the result.
export function renderCreateSql(schema: ExpectedSchema, only?: string[]): string {
  const wanted = (table: string) => !only || only.includes(table);
  const out: string[] = [];
  for (const [name, values] of schema.enums) {
    if (only && !only.includes(name)) continue;
    out.push(`-- CreateEnum\nCREATE TYPE "${name}" AS ENUM (${values.map((v) => `'${v}'`).join(", ")});\n`);
  }
  for (const [table, columns] of schema.tables) {
    if (!wanted(table)) continue;
    const pk = schema.indexes.find((i) => i.table === table && i.primary);
    const lines = columns.map((c) => {
      const type = c.default === "nextval" ? (c.type === "BIGINT" ? "BIGSERIAL" : "SERIAL") : c.type;
      const def = c.default && c.default !== "nextval" ? ` DEFAULT ${c.default}` : "";
      return `    "${c.name}" ${type}${c.nullable ? "" : " NOT NULL"}${def}`;
    });
    if (pk) lines.push(`    CONSTRAINT "${pk.name}" PRIMARY KEY (${pk.columns.map((c) => `"${c}"`).join(",")})`);
    out.push(`-- CreateTable\nCREATE TABLE "${table}" (\n${lines.join(",\n")}\n);\n`);
  }
  for (const index of schema.indexes) {
    if (index.primary || !wanted(index.table)) continue;
    const cols = index.columns.map((c) => `"${c}"`).join(", ");
    const kind = index.unique ? "UNIQUE INDEX" : "INDEX";
    out.push(`-- CreateIndex\nCREATE ${kind} "${index.name}" ON "${index.table}"(${cols});\n`);
  }
  for (const fk of schema.foreignKeys) {
    if (!wanted(fk.table)) continue;
    const cols = fk.columns.map((c) => `"${c}"`).join(",");
    const refs = fk.refColumns.map((c) => `"${c}"`).join(",");
    out.push(
      `-- AddForeignKey\nALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" FOREIGN KEY (${cols}) ` +
        `REFERENCES "${fk.refTable}"(${refs}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate};\n`,
    );
  }
  return out.join("\n");
}
