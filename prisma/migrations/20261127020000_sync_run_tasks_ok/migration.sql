-- Runs count their finished and successful tasks as each task finishes, instead of counting all
-- of a run's tasks every time one finishes (quadratic in the size of the run).
ALTER TABLE "SyncRun" ADD COLUMN "tasksOk" INTEGER NOT NULL DEFAULT 0;

-- Runs in flight during the upgrade carry on from the counts so far.
UPDATE "SyncRun" r
   SET "tasksDone" = c.done, "tasksOk" = c.ok
  FROM (SELECT "runId",
               count(*) FILTER (WHERE status IN ('succeeded', 'failed', 'denied', 'skipped')) AS done,
               count(*) FILTER (WHERE status IN ('succeeded', 'skipped')) AS ok
          FROM "SyncTask" GROUP BY "runId") c
 WHERE r.id = c."runId";
