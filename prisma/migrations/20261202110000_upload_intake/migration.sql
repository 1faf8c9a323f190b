-- CreateTable
CREATE TABLE "UploadIntake" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'receiving',
    "error" TEXT,
    "filename" TEXT,
    "sizeBytes" BIGINT NOT NULL DEFAULT '0',
    "meta" JSONB NOT NULL,
    "outline" TEXT,
    "listLengths" JSONB,
    "uploadedById" TEXT,
    "tokenId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "UploadIntake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadChunk" (
    "intakeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "UploadChunk_pkey" PRIMARY KEY ("intakeId","seq")
);

-- CreateIndex
CREATE INDEX "UploadIntake_workspaceId_createdAt_idx" ON "UploadIntake"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "UploadIntake_status_updatedAt_idx" ON "UploadIntake"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "UploadIntake" ADD CONSTRAINT "UploadIntake_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadChunk" ADD CONSTRAINT "UploadChunk_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "UploadIntake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staged reports are read once and deleted: no compression, which would cost CPU twice.
ALTER TABLE "UploadChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
