-- The daily cost tables (millions of rows, written with COPY) drop their foreign key to
-- AwsAccount: Postgres checked it once per row, about half the cost of a COPY. The bulk writers
-- lock the account once per batch instead (FOR KEY SHARE, in the batch's transaction), and this
-- trigger keeps ON DELETE CASCADE: the rows go with their account, or with its workspace.
ALTER TABLE "CostDaily" DROP CONSTRAINT "CostDaily_awsAccountRef_fkey";
ALTER TABLE "Ec2CostDaily" DROP CONSTRAINT "Ec2CostDaily_awsAccountRef_fkey";
ALTER TABLE "NodePoolCostDaily" DROP CONSTRAINT "NodePoolCostDaily_awsAccountRef_fkey";

CREATE FUNCTION "ladder_delete_account_costs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CostDaily" WHERE "awsAccountRef" = OLD.id;
  DELETE FROM "Ec2CostDaily" WHERE "awsAccountRef" = OLD.id;
  DELETE FROM "NodePoolCostDaily" WHERE "awsAccountRef" = OLD.id;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "AwsAccount_delete_costs" AFTER DELETE ON "AwsAccount"
  FOR EACH ROW EXECUTE FUNCTION "ladder_delete_account_costs"();
