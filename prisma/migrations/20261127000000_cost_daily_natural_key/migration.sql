-- CostDaily holds 13 months x accounts x services (about 6 million rows for 1,000 accounts) and
-- is only read by its natural key or a day range of it. The natural key becomes the primary key,
-- and the surrogate id and the second index go: COPY writes the table about three times faster.
ALTER TABLE "CostDaily" DROP CONSTRAINT "CostDaily_pkey";
ALTER TABLE "CostDaily" DROP COLUMN "id";
DROP INDEX "CostDaily_awsAccountRef_accountId_day_idx";
DROP INDEX "CostDaily_awsAccountRef_day_accountId_service_key";
ALTER TABLE "CostDaily" ADD CONSTRAINT "CostDaily_pkey" PRIMARY KEY ("awsAccountRef", "day", "accountId", "service");
