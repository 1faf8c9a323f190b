-- Every view's account directory names the sub-accounts FOCUS rows bill (server/finops/accounts.ts):
-- without this index finding the thousand distinct ones read every one of a million rows.
CREATE INDEX "FocusCostRow_workspaceId_subAccountId_idx" ON "FocusCostRow"("workspaceId", "subAccountId");
