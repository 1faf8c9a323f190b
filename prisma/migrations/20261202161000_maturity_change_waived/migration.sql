-- A waiver approved, revoked or lapsed changes how a result counts without changing its status:
-- the change log keeps whether each side was waived, so "what changed" can show it.
ALTER TABLE "MaturityChange" ADD COLUMN "fromWaived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "toWaived" BOOLEAN NOT NULL DEFAULT false;
