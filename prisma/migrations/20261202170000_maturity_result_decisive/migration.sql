-- Results keep, for each evidence row they cite, the fields that decided the status (the
-- deployment style of a group shifting traffic all at once), so the evidence table can show
-- what failed rather than only which rows were read. Existing results get none until the next
-- evaluation rewrites them.
ALTER TABLE "MaturityResult" ADD COLUMN "decisive" JSONB NOT NULL DEFAULT '{}';
