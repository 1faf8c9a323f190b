import pg from "pg";

// Two years of daily snapshots behind the newest one: each day's levels are today's levels
// stepped down as they go back in time (one level per 180 days, floor 0), so the trend has shape.

export async function seedSnapshotHistory(databaseUrl: string, workspaceId: string, days: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; evaluatedAt: Date }>(
      `SELECT id, "evaluatedAt" FROM "MaturitySnapshot" WHERE "workspaceId" = $1 ORDER BY "evaluatedAt" DESC LIMIT 1`,
      [workspaceId],
    );
    const latest = rows[0];
    if (!latest) throw new Error("evaluate the workspace before seeding its history");
    await client.query(
      `INSERT INTO "MaturitySnapshot" (id, "workspaceId", "evaluatedAt", trigger, "practiceIds", accounts, checks, "durationMs")
       SELECT 'hist-' || d || '-' || s.id, s."workspaceId", s."evaluatedAt" - make_interval(days => d), 'daily',
              s."practiceIds", s.accounts, s.checks, s."durationMs"
         FROM "MaturitySnapshot" s, generate_series(1, $2::int) d
        WHERE s.id = $1`,
      [latest.id, days],
    );
    await client.query(
      `INSERT INTO "MaturityAccountLevel" ("snapshotId", "workspaceId", "evaluatedAt", "accountId", environment, "ouPath", levels)
       SELECT 'hist-' || d || '-' || l."snapshotId", l."workspaceId", l."evaluatedAt" - make_interval(days => d), l."accountId",
              l.environment, l."ouPath",
              ARRAY(SELECT CASE WHEN x < 0 THEN x ELSE greatest(0, x - d / 180)::smallint END FROM unnest(l.levels) x)
         FROM "MaturityAccountLevel" l, generate_series(1, $2::int) d
        WHERE l."snapshotId" = $1`,
      [latest.id, days],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "MaturitySnapshot"; ANALYZE "MaturityAccountLevel"`);
    return days;
  } finally {
    await client.end();
  }
}
