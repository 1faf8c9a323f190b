import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Run through `npm test`, which creates a fresh database and passes it as E2E_DATABASE_URL.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set; run the browser tests with `npm test`.");
process.env.DATABASE_URL = databaseUrl;

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
export const simulatorPort = Number(process.env.E2E_SIM_PORT ?? 4600);

// Debian's Chromium when installed (CI, closed networks); Playwright's own browser otherwise.
const debianChromium = "/usr/bin/chromium";
const executablePath = process.env.LADDER_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // The first-run journey needs a database without users, so it runs before any other journey makes one.
    { name: "first run", testMatch: /first-run\.setup\.ts$/ },
    { name: "journeys", dependencies: ["first run"] },
  ],
  webServer: {
    command: "node bin/ladder.mjs start",
    url: `${baseURL}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    // Let the app stop its worker and close its connections instead of being killed.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LADDER_DATA_DIR: ".data/e2e",
      LADDER_ALLOW_LOCAL_LOGIN: "1",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      NEXTAUTH_URL: baseURL,
      // The AWS simulator runs beside the app; journeys "deploy" roles through its control API.
      LADDER_DEMO: "1",
      LADDER_SIM_PORT: String(simulatorPort),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // Reports over 50 KB are staged and read by the worker, so a journey can follow one without a large file.
      LADDER_UPLOAD_INLINE_MB: "0.05",
    },
  },
});
