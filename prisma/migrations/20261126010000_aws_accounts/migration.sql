-- CreateEnum
CREATE TYPE "AwsConnectionKind" AS ENUM ('account', 'organization');

-- CreateEnum
CREATE TYPE "AwsAccountStatus" AS ENUM ('pending', 'connected', 'failed');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('prod', 'staging', 'dev', 'sandbox');

-- CreateTable
CREATE TABLE "AwsOrganization" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "managementAccountId" TEXT NOT NULL,
    "memberRoleName" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AwsOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsAccount" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "AwsConnectionKind" NOT NULL,
    "accountId" TEXT,
    "name" TEXT,
    "roleArn" TEXT,
    "externalId" TEXT NOT NULL,
    "status" "AwsAccountStatus" NOT NULL DEFAULT 'pending',
    "environment" "Environment",
    "environmentSource" TEXT,
    "ouPath" TEXT,
    "organizationRefId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "capabilities" JSONB NOT NULL DEFAULT '[]',
    "lastVerifiedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AwsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AwsOrganization_workspaceId_organizationId_key" ON "AwsOrganization"("workspaceId", "organizationId");

-- CreateIndex
CREATE INDEX "AwsAccount_workspaceId_status_idx" ON "AwsAccount"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "AwsAccount_organizationRefId_idx" ON "AwsAccount"("organizationRefId");

-- CreateIndex
CREATE UNIQUE INDEX "AwsAccount_workspaceId_accountId_key" ON "AwsAccount"("workspaceId", "accountId");

-- AddForeignKey
ALTER TABLE "AwsOrganization" ADD CONSTRAINT "AwsOrganization_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsAccount" ADD CONSTRAINT "AwsAccount_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsAccount" ADD CONSTRAINT "AwsAccount_organizationRefId_fkey" FOREIGN KEY ("organizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsAccount" ADD CONSTRAINT "AwsAccount_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
