-- CreateTable
CREATE TABLE "ReportedDeployment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "accountId" TEXT,
    "commitSha" TEXT,
    "committedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "url" TEXT,
    CONSTRAINT "ReportedDeployment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportedDeployment_workspaceId_finishedAt_idx" ON "ReportedDeployment"("workspaceId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportedDeployment_workspaceId_source_externalKey_key" ON "ReportedDeployment"("workspaceId", "source", "externalKey");

-- AddForeignKey
ALTER TABLE "ReportedDeployment" ADD CONSTRAINT "ReportedDeployment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedDeployment" ADD CONSTRAINT "ReportedDeployment_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "environment" TEXT,
ADD COLUMN "severityRank" INTEGER,
ADD COLUMN "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN "alarmArn" TEXT,
ADD COLUMN "url" TEXT,
ADD COLUMN "timeline" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN "commitSha" TEXT,
ADD COLUMN "creator" TEXT;
