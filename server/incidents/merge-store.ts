import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { mergeSameIncidents, SAME_INCIDENT_WINDOW_MS, type IncidentRow } from "./same-incident";

// The same-incident rule (same-incident.ts) is applied when incidents are written, and its outcome
// kept in Incident.mergedInto: a row that is part of an incident that started earlier names that
// incident's first row; the incident's first row names none. Every read counts the rows that name
// none and lists the others under them, so views and aggregates never re-run the rule.
//
// After a writer changes rows it merges again the rows it wrote and every row they could share an
// incident with (`mergeIncidentsAround`); a rule change or rows written before this store existed
// are merged workspace by workspace when a worker starts (`mergeOutdatedWorkspaces`).

/** Bumped when the rule changes: every workspace below it is merged again. */
export const SAME_INCIDENT_RULE_VERSION = 1;

/** Which rows a writer changed: one account's synced rows, or one upload's rows. */
export type MergeSeed = { awsAccountRef: string } | { uploadId: string };

type Tx = Prisma.TransactionClient;

interface StoredRow extends IncidentRow {
  mergedInto: string | null;
}

const ROW_COLUMNS = Prisma.sql`r.id, r.source, r."accountId", r.service, r."alarmArn", r."startedAt", r."resolvedAt", r."mergedInto"`;

/** Serialises merges of one workspace: two writers' rows may meet in one incident. */
const lockWorkspace = (tx: Tx, workspaceId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ladder:incident-merge'), hashtext(${workspaceId}))`;

/** Writes the merge's outcome for `rows`: each absorbed row names its incident's first row, the rest none. */
async function store(tx: Tx, rows: StoredRow[], merged: ReturnType<typeof mergeSameIncidents<StoredRow>>): Promise<number> {
  const wanted = new Map<string, string | null>(rows.map((r) => [r.id, null]));
  for (const { row, alsoFrom } of merged) for (const also of alsoFrom) wanted.set(also.id, row.id);
  const changed = rows.filter((r) => r.mergedInto !== wanted.get(r.id));
  if (changed.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Incident" r SET "mergedInto" = v.first
      FROM unnest(${changed.map((r) => r.id)}::text[], ${changed.map((r) => wanted.get(r.id) ?? null)}::text[]) AS v(id, first)
     WHERE r.id = v.id`;
}

/** An account's rows: those its sync wrote and those uploaded for it (a deleted row's partners are among them). */
const seedWhere = (seed: MergeSeed): Prisma.Sql =>
  "awsAccountRef" in seed
    ? Prisma.sql`(r."awsAccountRef" = ${seed.awsAccountRef}
        OR r."accountId" = (SELECT a."accountId" FROM "AwsAccount" a WHERE a.id = ${seed.awsAccountRef}))`
    : Prisma.sql`r."uploadId" = ${seed.uploadId}`;

/**
 * Merges again the rows of `seed` and every row that could share an incident with them: rows with
 * the same account and service or the same alarm ARN (the rule's two keys), the rows those bring
 * in, and the rows any of them was merged with before. Rows outside that closure cannot meet these
 * (the rule joins only rows that share a key), so their merge stands. Returns the rows changed.
 */
export async function mergeIncidentsAround(workspaceId: string, seed: MergeSeed): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const rows = new Map<string, StoredRow>();
    let found = await tx.$queryRaw<StoredRow[]>`
      SELECT ${ROW_COLUMNS} FROM "Incident" r WHERE r."workspaceId" = ${workspaceId} AND ${seedWhere(seed)}`;
    while (found.length > 0) {
      for (const row of found) rows.set(row.id, row);
      const pairs = [...rows.values()].filter((r) => r.accountId !== null && r.service !== null);
      const arns = [...new Set([...rows.values()].flatMap((r) => (r.alarmArn ? [r.alarmArn] : [])))];
      const ids = [...rows.keys()];
      const firsts = [...new Set([...rows.values()].flatMap((r) => (r.mergedInto ? [r.mergedInto] : [])))];
      found = (
        await tx.$queryRaw<StoredRow[]>`
          SELECT ${ROW_COLUMNS} FROM "Incident" r
           WHERE r."workspaceId" = ${workspaceId}
             AND ((r."accountId", r.service) IN (SELECT * FROM unnest(${pairs.map((r) => r.accountId)}::text[], ${pairs.map((r) => r.service)}::text[]))
                  OR r."alarmArn" = ANY(${arns}::text[])
                  OR r."mergedInto" = ANY(${ids}::text[])
                  OR r.id = ANY(${firsts}::text[]))`
      ).filter((r) => !rows.has(r.id));
    }
    const all = [...rows.values()];
    return store(tx, all, mergeSameIncidents(all));
  });
}

/** Merges every incident of the workspace again and records the rule's version. */
export async function mergeWorkspaceIncidents(workspaceId: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await lockWorkspace(tx, workspaceId);
      // The candidates query's CTE hides its rows from the planner, which would sort them for merge
      // joins: hash joins, in memory.
      await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      const candidates = await tx.$queryRaw<StoredRow[]>(candidatesSql(workspaceId));
      const changed = await store(tx, candidates, mergeSameIncidents(candidates));
      // Rows that are no candidate share an incident with nobody.
      const freed = await tx.$executeRaw`
        UPDATE "Incident" r SET "mergedInto" = NULL
         WHERE r."workspaceId" = ${workspaceId} AND r."mergedInto" IS NOT NULL
           AND NOT (r.id = ANY(${candidates.map((c) => c.id)}::text[]))`;
      await tx.workspace.update({ where: { id: workspaceId }, data: { incidentMergeVersion: SAME_INCIDENT_RULE_VERSION } });
      return changed + freed;
    },
    { timeout: 600_000 },
  );
}

/** Merges the workspaces whose rows an older rule (or none) merged; run when a worker starts. */
export async function mergeOutdatedWorkspaces(): Promise<string[]> {
  const outdated = await db.workspace.findMany({
    where: { incidentMergeVersion: { lt: SAME_INCIDENT_RULE_VERSION } },
    select: { id: true },
  });
  for (const { id } of outdated) await mergeWorkspaceIncidents(id);
  return outdated.map((w) => w.id);
}

/**
 * The rows of a workspace that may be absorbed or absorb another. Rows of one source never merge,
 * so a row can only take part in a merge when it has a partner of another source: a row with the
 * same account and service starting within 15 minutes, or a row of the same ARN that its reach
 * (start + 15 minutes, or its resolution when later) touches or whose reach touches it. Whether two
 * rows unite depends on the two rows alone, so merging the candidates unites exactly what merging
 * every row would; every other row is an incident of its own.
 */
function candidatesSql(workspaceId: string): Prisma.Sql {
  const seconds = SAME_INCIDENT_WINDOW_MS / 1000;
  const window = Prisma.raw(`interval '${SAME_INCIDENT_WINDOW_MS / 60_000} minutes'`);
  // (a) Same account and service, another source, within 15 minutes, found by hash joins on
  // 15-minute slots (a partner starts in the row's slot or the next one), no sort. (b) Same ARN:
  // only ARNs with rows of two sources can merge; their rows are ordered and flagged when a
  // neighbour's reach touches them or theirs touches a neighbour.
  return Prisma.sql`
    WITH r AS MATERIALIZED (
      SELECT r.id, r.source, r."accountId", r.service, r."alarmArn", r."startedAt", r."resolvedAt", r."mergedInto",
             floor(EXTRACT(EPOCH FROM r."startedAt") / ${seconds})::bigint AS slot
        FROM "Incident" r
       WHERE r."workspaceId" = ${workspaceId}
    ), near AS (
      SELECT a.id, b.id AS partner
        FROM r a JOIN r b ON b."accountId" = a."accountId" AND b.service = a.service AND b.slot = a.slot
       WHERE b.source <> a.source
      UNION ALL
      SELECT a.id, b.id
        FROM r a JOIN r b ON b."accountId" = a."accountId" AND b.service = a.service AND b.slot = a.slot + 1
       WHERE b.source <> a.source AND b."startedAt" - a."startedAt" <= ${window}
    ), reached AS (
      SELECT x.id,
             max(x.reach) OVER (alarm_t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= x."startedAt"
               OR lead(x."startedAt") OVER alarm_t <= x.reach AS touched
        FROM (SELECT r.*, GREATEST(r."startedAt" + ${window}, COALESCE(r."resolvedAt", r."startedAt")) AS reach
                FROM r
               WHERE r."alarmArn" IN (SELECT "alarmArn" FROM r WHERE "alarmArn" IS NOT NULL
                                       GROUP BY 1 HAVING min(source) <> max(source))) x
      WINDOW alarm_t AS (PARTITION BY x."alarmArn" ORDER BY x."startedAt")
    )
    SELECT r.id, r.source, r."accountId", r.service, r."alarmArn", r."startedAt", r."resolvedAt", r."mergedInto"
      FROM r
     WHERE r.id IN (SELECT id FROM near UNION SELECT partner FROM near) OR r.id IN (SELECT id FROM reached WHERE touched)`;
}
