-- AlterTable
ALTER TABLE "CostDaily" ALTER COLUMN "unblended" SET DATA TYPE DECIMAL(20,10),
ALTER COLUMN "amortized" SET DATA TYPE DECIMAL(20,10);

-- AlterTable
ALTER TABLE "Ec2CostDaily" ALTER COLUMN "unblended" SET DATA TYPE DECIMAL(20,10),
ALTER COLUMN "amortized" SET DATA TYPE DECIMAL(20,10),
ALTER COLUMN "usageHours" SET DATA TYPE DECIMAL(20,10);

-- AlterTable
ALTER TABLE "NodePoolCostDaily" ALTER COLUMN "unblended" SET DATA TYPE DECIMAL(20,10),
ALTER COLUMN "amortized" SET DATA TYPE DECIMAL(20,10);

-- CreateTable
CREATE TABLE "CostReadMark" (
    "awsAccountRef" TEXT NOT NULL,
    "finalBefore" DATE NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CostReadMark_pkey" PRIMARY KEY ("awsAccountRef")
);

-- AddForeignKey
ALTER TABLE "CostReadMark" ADD CONSTRAINT "CostReadMark_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
