-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('pass', 'fail', 'warning', 'not_applicable', 'no_data', 'error');

-- CreateEnum
CREATE TYPE "ClaimScope" AS ENUM ('organization', 'ou', 'account');

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "scopeKind" "ClaimScope" NOT NULL,
    "scopeValue" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Waiver" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "scopeKind" "ClaimScope" NOT NULL,
    "scopeValue" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedByName" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedByName" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    CONSTRAINT "Waiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturitySnapshot" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "syncRunId" TEXT,
    "practiceIds" TEXT[] NOT NULL,
    "accounts" INTEGER NOT NULL,
    "checks" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "MaturitySnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityAccountLevel" (
    "snapshotId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "accountId" TEXT NOT NULL,
    "environment" "Environment",
    "ouPath" TEXT,
    "levels" SMALLINT[] NOT NULL,
    CONSTRAINT "MaturityAccountLevel_pkey" PRIMARY KEY ("snapshotId","accountId")
);

-- CreateTable
CREATE TABLE "MaturityResult" (
    "workspaceId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "status" "CheckStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "evidenceIds" TEXT[] NOT NULL,
    "waiverId" TEXT,
    "countsAsPass" BOOLEAN NOT NULL,
    "blocking" BOOLEAN NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    CONSTRAINT "MaturityResult_pkey" PRIMARY KEY ("workspaceId","accountId","checkId")
);

-- CreateTable
CREATE TABLE "MaturityChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "accountId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "fromStatus" "CheckStatus",
    "toStatus" "CheckStatus",
    CONSTRAINT "MaturityChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attestation_workspaceId_checkId_idx" ON "Attestation"("workspaceId", "checkId");

-- CreateIndex
CREATE INDEX "Waiver_workspaceId_checkId_idx" ON "Waiver"("workspaceId", "checkId");

-- CreateIndex
CREATE INDEX "MaturitySnapshot_workspaceId_evaluatedAt_idx" ON "MaturitySnapshot"("workspaceId", "evaluatedAt");

-- CreateIndex
CREATE INDEX "MaturityAccountLevel_workspaceId_evaluatedAt_idx" ON "MaturityAccountLevel"("workspaceId", "evaluatedAt");

-- CreateIndex
CREATE INDEX "MaturityResult_workspaceId_checkId_idx" ON "MaturityResult"("workspaceId", "checkId");

-- CreateIndex
CREATE INDEX "MaturityChange_workspaceId_evaluatedAt_idx" ON "MaturityChange"("workspaceId", "evaluatedAt");

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturitySnapshot" ADD CONSTRAINT "MaturitySnapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAccountLevel" ADD CONSTRAINT "MaturityAccountLevel_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "MaturitySnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityResult" ADD CONSTRAINT "MaturityResult_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityChange" ADD CONSTRAINT "MaturityChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "softFail" BOOLEAN,
ADD COLUMN "durationSeconds" INTEGER,
ADD COLUMN "defaultBranch" TEXT;
