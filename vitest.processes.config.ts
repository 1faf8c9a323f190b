import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests of several Ladder processes at once (web, workers, migrations), each its own OS process,
// some serving the built app: `npm test -- processes` runs them after the browser step built it.
// One file at a time: each starts enough processes to fill two cores.
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["**/*.process.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".data/**"],
    environment: "node",
    globalSetup: ["./server/test/global-setup.ts"],
    setupFiles: ["./server/test/setup-env.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: false,
  },
});
