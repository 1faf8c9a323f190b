import { inject } from "vitest";

// Runs before each test file's imports, so server/env.ts sees the run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
