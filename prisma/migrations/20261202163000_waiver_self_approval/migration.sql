-- A waiver needs an approver other than its requester; an owner may allow self-approval for a
-- workspace with one admin. Off for every existing workspace.
ALTER TABLE "Workspace" ADD COLUMN "allowWaiverSelfApproval" BOOLEAN NOT NULL DEFAULT false;
