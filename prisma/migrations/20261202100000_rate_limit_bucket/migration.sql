-- Counters behind the sign-in throttle and the API token rate limits (issue 12), shared by every
-- instance. Keys are an email, a client address or a token id, scoped by what they limit.
-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEnds" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("scope","key")
);
