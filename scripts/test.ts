// `npm test`: formatting, types and lint, then unit and integration tests (Vitest) against a
// real PostgreSQL, then browser tests (Playwright in Chromium) against the built app.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { buildApp, isBuildCurrent } from "../server/cli/build";
import { createFreshDatabase, startTestServer } from "../server/test/test-database";
import { startOnOtherNode } from "./test-other-node";

const results = ".data/test-results";
let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status === 0) return true;
  console.error(`✖ ${name} failed (exit ${result.status ?? result.signal}).`);
  return false;
}

function countVitest(file = `${results}/vitest.json`): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}

function countPlaywright(): void {
  const file = `${results}/playwright.json`;
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
}

async function main(): Promise<number> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const bin = "node_modules/.bin";
  // `npm test -- e2e` (or `-- unit`, `-- processes`) runs one part while working on it; CI runs everything.
  const only = process.argv[2];
  let ok = true;
  // LADDER_TEST_NODE=22 (CI): integration tests on that Node.js too, beside the checks below,
  // and the browser step's app built and run on it.
  const otherNode =
    !only && process.env.LADDER_TEST_NODE ? startOnOtherNode(Number(process.env.LADDER_TEST_NODE), results) : undefined;
  if (!only) {
    ok = step("format", `${bin}/prettier`, ["--check", "."]) && ok;
    ok = step("types", `${bin}/tsc`, ["--noEmit", "-p", "."]) && ok;
    ok = step("lint", `${bin}/eslint`, ["--max-warnings", "0", "."]) && ok;
  }
  if (otherNode) {
    ok = (await otherNode.finished) && ok;
    countVitest(otherNode.report);
  }

  const server = await startTestServer();
  try {
    const env = { LADDER_TEST_PG_URL: server.adminUrl };
    if (only === "processes") return finish(processesStep(env));
    if (only !== "e2e") {
      const vitestArgs = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`];
      ok = step("unit and integration", `${bin}/vitest`, vitestArgs, env) && ok;
      countVitest();
    }
    if (only === "unit") return finish(ok);

    const e2e = await createFreshDatabase(server.adminUrl, "ladder_e2e");
    try {
      const path: Record<string, string> = otherNode ? { PATH: otherNode.path } : {};
      ok =
        step("browser", `${bin}/playwright`, ["test", ...process.argv.slice(3)], {
          ...env,
          ...path,
          E2E_DATABASE_URL: e2e.url,
        }) && ok;
      countPlaywright();
    } finally {
      await e2e.drop();
    }
    if (!only) ok = processesStep(env) && ok;
  } finally {
    await server.stop();
  }
  return finish(ok);
}

// Several web and worker processes on one database, serving the app the browser step built.
function processesStep(env: Record<string, string>): boolean {
  if (!isBuildCurrent()) buildApp((line) => console.log(line));
  const file = `${results}/vitest-processes.json`;
  const args = [
    "run",
    "--config",
    "vitest.processes.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ];
  const ok = step("processes", "node_modules/.bin/vitest", args, env);
  countVitest(file);
  return ok;
}

function finish(ok: boolean): number {
  console.log(`\n${passed} passed, ${failed} failed`);
  return ok && failed === 0 ? 0 : 1;
}

process.exit(await main());
