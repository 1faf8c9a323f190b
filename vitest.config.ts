import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: [
      "server/**/*.test.ts",
      "components/**/*.test.ts",
      "simulator/**/*.test.ts",
      "bin/**/*.test.ts",
      "scripts/**/*.test.ts",
      "deploy/**/*.test.ts",
    ],
    // Tests of several processes at once, some needing the built app: vitest.processes.config.ts.
    exclude: ["**/node_modules/**", "**/*.process.test.ts"],
    environment: "node",
    globalSetup: ["./server/test/global-setup.ts"],
    setupFiles: ["./server/test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest runs one file at a time on two cores (cores - 1); these tests wait on PostgreSQL, the
    // simulator and child processes most of the time, so two files at once use the machine better.
    // Each file has its own queue schema and its own rows; LADDER_TEST_WORKERS overrides.
    maxWorkers: Number(process.env.LADDER_TEST_WORKERS) || Math.max(2, availableParallelism() - 1),
  },
});
