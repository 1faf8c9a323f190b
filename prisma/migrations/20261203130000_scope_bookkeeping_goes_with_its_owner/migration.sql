-- ScopeFetch and SeenKeys (write only what changed) name their scope's owner, an AwsAccount or an
-- AwsOrganization, by "ownerRef" without a foreign key (one column for either owner). They go with
-- their owner, as the daily cost tables do: when an account is removed, or its workspace deleted.
CREATE OR REPLACE FUNCTION "ladder_delete_account_costs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CostDaily" WHERE "awsAccountRef" = OLD.id;
  DELETE FROM "Ec2CostDaily" WHERE "awsAccountRef" = OLD.id;
  DELETE FROM "NodePoolCostDaily" WHERE "awsAccountRef" = OLD.id;
  DELETE FROM "ScopeFetch" WHERE "ownerRef" = OLD.id;
  DELETE FROM "SeenKeys" WHERE "ownerRef" = OLD.id;
  RETURN OLD;
END;
$$;

CREATE FUNCTION "ladder_delete_organization_scopes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ScopeFetch" WHERE "ownerRef" = OLD.id;
  DELETE FROM "SeenKeys" WHERE "ownerRef" = OLD.id;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "AwsOrganization_delete_scopes" AFTER DELETE ON "AwsOrganization"
  FOR EACH ROW EXECUTE FUNCTION "ladder_delete_organization_scopes"();
