-- CreateTable
CREATE TABLE "InstancePrice" (
    "instanceType" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "usdPerHour" DECIMAL(20,8) NOT NULL,
    "sku" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "InstancePrice_pkey" PRIMARY KEY ("instanceType","region")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "awsAccountRef" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "offering" TEXT NOT NULL,
    "instanceCount" INTEGER,
    "hourlyCommitment" DECIMAL(20,6),
    "region" TEXT,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("awsAccountRef","kind","commitmentId")
);

-- CreateTable
CREATE TABLE "SavingsPlanRecommendation" (
    "awsAccountRef" TEXT NOT NULL,
    "savingsPlansType" TEXT NOT NULL,
    "termInYears" TEXT NOT NULL,
    "paymentOption" TEXT NOT NULL,
    "lookbackDays" INTEGER NOT NULL,
    "hourlyCommitment" DECIMAL(20,6),
    "estimatedMonthlySavings" DECIMAL(20,6),
    "estimatedSavingsPercentage" DECIMAL(9,4),
    "estimatedMonthlyOnDemand" DECIMAL(20,6),
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "generatedAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "SavingsPlanRecommendation_pkey" PRIMARY KEY ("awsAccountRef","savingsPlansType","termInYears","paymentOption","lookbackDays")
);

-- CreateTable
CREATE TABLE "FocusCostRow" (
    "workspaceId" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "billingAccountId" TEXT NOT NULL,
    "billingPeriodStart" TIMESTAMP(3) NOT NULL,
    "billingPeriodEnd" TIMESTAMP(3) NOT NULL,
    "billingCurrency" TEXT NOT NULL,
    "subAccountId" TEXT,
    "subAccountName" TEXT,
    "chargePeriodStart" TIMESTAMP(3) NOT NULL,
    "chargePeriodEnd" TIMESTAMP(3) NOT NULL,
    "chargeCategory" TEXT NOT NULL,
    "chargeClass" TEXT,
    "serviceName" TEXT,
    "serviceCategory" TEXT,
    "regionId" TEXT,
    "pricingCategory" TEXT,
    "commitmentDiscountId" TEXT,
    "commitmentDiscountType" TEXT,
    "commitmentDiscountCategory" TEXT,
    "commitmentDiscountStatus" TEXT,
    "resourceId" TEXT,
    "instanceType" TEXT,
    "usageType" TEXT,
    "nodePool" TEXT,
    "consumedQuantity" DECIMAL(24,10),
    "consumedUnit" TEXT,
    "billedCost" DECIMAL(24,10) NOT NULL,
    "effectiveCost" DECIMAL(24,10) NOT NULL,
    "listCost" DECIMAL(24,10),
    "contractedCost" DECIMAL(24,10),
    CONSTRAINT "FocusCostRow_pkey" PRIMARY KEY ("uploadId","rowNumber")
);

-- CreateIndex
CREATE INDEX "FocusCostRow_workspaceId_provider_billingAccountId_billingP_idx" ON "FocusCostRow"("workspaceId", "provider", "billingAccountId", "billingPeriodStart");

-- CreateIndex
CREATE INDEX "FocusCostRow_workspaceId_chargePeriodStart_idx" ON "FocusCostRow"("workspaceId", "chargePeriodStart");

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsPlanRecommendation" ADD CONSTRAINT "SavingsPlanRecommendation_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusCostRow" ADD CONSTRAINT "FocusCostRow_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusCostRow" ADD CONSTRAINT "FocusCostRow_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
