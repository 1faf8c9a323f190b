// Prints the DDL for the given tables (or the whole schema) from prisma/schema.prisma:
//   npx tsx scripts/db-sql.ts [Table ...] > prisma/migrations/<timestamp>_<name>/migration.sql
import { expectedSchema } from "../server/db/schema-model";
import { renderCreateSql } from "../server/db/schema-sql";

const tables = process.argv.slice(2);
process.stdout.write(renderCreateSql(expectedSchema(), tables.length ? tables : undefined));
