-- The same-incident rule (server/incidents/same-incident.ts) is applied when incidents are written,
-- not on every read: a row counted as part of another row's incident names that row. Reads count
-- the rows that name none. ON DELETE SET NULL: a row whose incident's first row goes becomes an
-- incident of its own until the next merge of its rows (server/incidents/merge-store.ts).
ALTER TABLE "Incident" ADD COLUMN "mergedInto" TEXT;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_mergedInto_fkey" FOREIGN KEY ("mergedInto") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Incident_mergedInto_idx" ON "Incident"("mergedInto");
CREATE INDEX "Incident_workspaceId_alarmArn_idx" ON "Incident"("workspaceId", "alarmArn");

-- CloudWatch rows written before the alarmArn column carried the ARN only in their key ("<arn>@<start>").
UPDATE "Incident" SET "alarmArn" = split_part("externalKey", '@', 1) WHERE source = 'cloudwatch' AND "alarmArn" IS NULL;

-- Which version of the rule a workspace's rows were merged by: workers merge the workspaces below
-- the current one when they start (existing rows after this migration, and after a rule change).
-- Existing workspaces start at 0; new ones have nothing to merge yet.
ALTER TABLE "Workspace" ADD COLUMN "incidentMergeVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Workspace" ALTER COLUMN "incidentMergeVersion" SET DEFAULT 1;
