import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { isIncluded } from "~/server/maturity/load/sql";
import { scopeWhere, type Scope } from "../scope";
import type { ExperimentEvent } from "../types";

// FIS experiments of the workspace's accounts. The service an experiment targets is read from the
// experiment's tags ("service", else "team", which the demo's templates use), else unknown.

const SERVICE = Prisma.sql`COALESCE(r.tags->>'service', r.tags->>'Service', r.tags->>'team')`;

interface ExperimentRow {
  id: string;
  experimentId: string;
  accountId: string;
  service: string | null;
  templateId: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface ExperimentWindow {
  from: Date;
  to: Date;
  accountId?: string;
  /** Experiments running at this instant (started before it, not ended before it). */
  inFlightAt?: Date;
}

export async function loadExperiments(scope: Scope, w: ExperimentWindow = scope): Promise<ExperimentEvent[]> {
  const when = w.inFlightAt
    ? Prisma.sql`AND r."startTime" <= ${w.inFlightAt} AND (r."endTime" IS NULL OR r."endTime" >= ${w.inFlightAt})`
    : Prisma.sql`AND r."startTime" >= ${w.from} AND r."startTime" < ${w.to}`;
  const rows = await db.$queryRaw<ExperimentRow[]>`
    SELECT r.id, r."experimentId", a."accountId", ${SERVICE} AS service, r."templateId", r.status,
           r."startTime" AS "startedAt", r."endTime" AS "endedAt"
      FROM "FisExperiment" r
      JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
     WHERE ${isIncluded("a", scope.workspaceId)} ${when}
       ${scopeWhere(scope, { account: `a."accountId"` })}
       ${scope.filters.service ? Prisma.sql`AND ${SERVICE} = ${scope.filters.service}` : Prisma.empty}
       ${w.accountId ? Prisma.sql`AND a."accountId" = ${w.accountId}` : Prisma.empty}
     ORDER BY r."startTime", r.id`;
  return rows;
}
