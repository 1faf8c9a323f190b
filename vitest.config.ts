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
  },
});
