-- CreateTable
CREATE TABLE "ScopeFetch" (
    "tableName" TEXT NOT NULL,
    "ownerRef" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "runId" TEXT NOT NULL,

    CONSTRAINT "ScopeFetch_pkey" PRIMARY KEY ("tableName","ownerRef","detail","fromDay","toDay")
);

-- CreateTable
CREATE TABLE "SeenKeys" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "ownerRef" TEXT NOT NULL,
    "keys" TEXT[] NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeenKeys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SeenKeys_runId_tableName_ownerRef_idx" ON "SeenKeys"("runId", "tableName", "ownerRef");
