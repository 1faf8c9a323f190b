import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyField } from "~/server/ingest/copy-insert";
import { quote, shapeOf } from "./table-shape";
import { textValue } from "./text-values";

// Inserts many rows with COPY, the fastest way into Postgres, on a connection the caller holds
// (withConnection), usually inside its transaction. Columns are those the first row provides,
// in the table's order, each written as the text Postgres reads for its type.
// Not through Prisma: its debug log keeps the arguments of its last hundred queries, which for
// rows sent as parameters would be megabytes each.

export async function copyRows(client: pg.ClientBase, table: string, rows: Record<string, unknown>[], batchSize = 5000) {
  if (!rows.length) return 0;
  const { columns } = await shapeOf(table);
  const provided = new Set(Object.keys(rows[0]!));
  const used = columns.filter((c) => provided.has(c.name));
  const sql = `COPY ${quote(table)} (${used.map((c) => quote(c.name)).join(", ")}) FROM STDIN`;
  for (let i = 0; i < rows.length; i += batchSize) {
    let text = "";
    for (const row of rows.slice(i, i + batchSize)) {
      text += used.map((c) => copyField(textValue(row[c.name], c.kind))).join("\t");
      text += "\n";
    }
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom(sql));
      stream.on("finish", resolve);
      stream.on("error", reject);
      stream.end(text);
    });
  }
  return rows.length;
}
