import { Prisma } from "~/generated/prisma/client";
import type { ResolvedScope } from "../results";

const trimSlash = (path: string) => path.replace(/\/+$/, "") || "/";
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The scope filter as SQL on an alias with "accountId", "environment" and "ouPath" columns:
 * the same rules as `isInScope`, so a stored ladder and a live evaluation agree.
 */
export function scopeCondition(alias: string, scope: ResolvedScope): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.environments) parts.push(Prisma.sql`${column("environment")}::text = ANY(${scope.environments})`);
  if (scope.accountIds) parts.push(Prisma.sql`${column("accountId")} = ANY(${scope.accountIds})`);
  if (scope.ouPaths) {
    const paths = scope.ouPaths.map((raw) => {
      const ou = trimSlash(raw);
      if (ou === "/") return Prisma.sql`${column("ouPath")} IS NOT NULL`;
      return Prisma.sql`(rtrim(${column("ouPath")}, '/') = ${ou} OR ${column("ouPath")} LIKE ${`${escapeLike(ou)}/%`})`;
    });
    parts.push(Prisma.sql`(${Prisma.join(paths, " OR ")})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}
