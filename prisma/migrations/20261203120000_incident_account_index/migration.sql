-- A comparison, an incident's detail and the account filters read one account's incidents in a
-- range: without this index they scanned every incident of the workspace in that range.
CREATE INDEX "Incident_workspaceId_accountId_startedAt_idx" ON "Incident"("workspaceId", "accountId", "startedAt");

-- Deployments are read by COALESCE("completedAt", "createdAtAws") (their finish). Without statistics
-- on that expression the planner guesses a few thousand rows of a million in a year and sorts them
-- to disk for the trend's monthly counts instead of hashing them (docs/decisions/0005, "Speed").
CREATE STATISTICS "Deployment_finishedAt_stats" ON (COALESCE("completedAt", "createdAtAws")) FROM "Deployment";
