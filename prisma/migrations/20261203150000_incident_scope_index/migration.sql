-- A sync removes an account's stale incidents of one source within its window after each complete
-- fetch (deleteUnseen, scope awsAccountRef + source + startedAt). No index led with the account:
-- each removal scanned every incident of every workspace, twice per account and sync.
CREATE INDEX "Incident_awsAccountRef_source_startedAt_idx" ON "Incident"("awsAccountRef", "source", "startedAt");
