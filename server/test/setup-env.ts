import { inject } from "vitest";

// Runs before each test file's imports, so server/env.ts sees the run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
// The SDK warns once per process that releases after January 2027 need Node 22; known, noisy.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Test files run in parallel against one database; each gets its own job queue.
process.env.LADDER_QUEUE_SCHEMA ??= `pgboss_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
