import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, isBuildCurrent } from "~/server/cli/build";
import { createFreshDatabase, startTestServer, type TestServer } from "~/server/test/test-database";

// The standalone server (`output: "standalone"`) as the container image runs it: assembled by
// scripts/assemble-standalone.mjs into a folder outside the repository, so Node cannot fall
// back on the source tree or its node_modules, and started as the image starts it: plain
// `node start.mjs`, which runs server.js (scripts/standalone-start.mjs).

const STARTUP_LIMIT_MS = 60_000;

let folder: string;
let server: ChildProcess | undefined;
let baseUrl: string;
let postgres: TestServer | undefined;
let database: { url: string; drop(): Promise<void> } | undefined;
let output = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`start.mjs exited (${server?.exitCode}):\n${output}`);
    const answered = await fetch(url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`start.mjs did not answer within ${STARTUP_LIMIT_MS / 1000} s:\n${output}`);
}

function symlinksIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) return [full];
    return entry.isDirectory() ? symlinksIn(full) : [];
  });
}

beforeAll(async () => {
  // `npm test` builds the app in its browser step; build here only when that build is stale.
  if (!isBuildCurrent() || !existsSync(".next/standalone/server.js")) buildApp((line) => console.log(line));
  folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), "ladder-standalone-")));
  const assembled = spawnSync(process.execPath, ["scripts/assemble-standalone.mjs", folder], { encoding: "utf8" });
  expect(assembled.status, assembled.stderr).toBe(0);

  // A database of its own, where the sign-in page's answer depends only on this test.
  postgres = await startTestServer();
  database = await createFreshDatabase(postgres.adminUrl, "ladder_standalone");
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["start.mjs"], {
    cwd: folder,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "standalone-test-secret-0123456789",
      LADDER_ALLOW_LOCAL_LOGIN: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilAnswering(`${baseUrl}/signin`);
}, 20 * 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await database?.drop();
  await postgres?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("standalone server", () => {
  it("is a folder of its own: no link in it points outside it", () => {
    expect(existsSync(path.join(folder, "server.js"))).toBe(true);
    expect(existsSync(path.join(folder, "start.mjs"))).toBe(true);
    for (const link of symlinksIn(folder)) {
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(realpathSync(link).startsWith(folder + path.sep), link).toBe(true);
    }
    expect(readdirSync(path.join(folder, "prisma", "migrations")).length).toBeGreaterThan(0);
  });

  it("serves the sign-in page from the database, and its static assets", async () => {
    const first = await fetch(`${baseUrl}/signin`);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("Create the owner account");

    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('standalone-owner', 'owner@example.com', now())`);
    } finally {
      await client.end();
    }
    const second = await fetch(`${baseUrl}/signin`);
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("Sign in to Ladder");

    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset, "a static asset referenced by the page").toBeDefined();
    expect((await fetch(`${baseUrl}${asset}`)).status).toBe(200);
  });

  it("answers the probes: alive, and ready on a migrated database with the queue installed", async () => {
    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${baseUrl}/api/ready`);
    expect(ready.status, await ready.clone().text()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("stops on SIGTERM and exits 0", async () => {
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      server!.once("exit", (code, signal) => resolve([code, signal])),
    );
    server!.kill("SIGTERM");
    expect(await exited, output).toEqual([0, null]);
    expect(
      await fetch(`${baseUrl}/api/health`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  });
});
