-- Ec2CostDaily (about 4 million rows for 1,000 accounts, more than CostDaily) and
-- NodePoolCostDaily follow CostDaily: read only by their natural key or a day range of it, so
-- that key is the primary key and the surrogate id and its index go.
ALTER TABLE "Ec2CostDaily" DROP CONSTRAINT "Ec2CostDaily_pkey";
ALTER TABLE "Ec2CostDaily" DROP COLUMN "id";
DROP INDEX "Ec2CostDaily_awsAccountRef_day_accountId_instanceType_purch_key";
ALTER TABLE "Ec2CostDaily" ADD CONSTRAINT "Ec2CostDaily_pkey" PRIMARY KEY ("awsAccountRef", "day", "accountId", "instanceType", "purchaseType");

ALTER TABLE "NodePoolCostDaily" DROP CONSTRAINT "NodePoolCostDaily_pkey";
ALTER TABLE "NodePoolCostDaily" DROP COLUMN "id";
DROP INDEX "NodePoolCostDaily_awsAccountRef_day_accountId_nodePool_purc_key";
ALTER TABLE "NodePoolCostDaily" ADD CONSTRAINT "NodePoolCostDaily_pkey" PRIMARY KEY ("awsAccountRef", "day", "accountId", "nodePool", "purchaseType");
