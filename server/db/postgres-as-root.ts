import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { PostgresBinaries, RunAs } from "./postgres-process";

// PostgreSQL refuses to run as root, so as root it runs as the "postgres" user. That user must
// reach the binaries and the data folder by their paths; a clone in /root (mode 0700, as in
// most containers and fresh cloud machines) hides both. Then the binaries are copied, and the
// data kept, in a root-owned 0755 folder outside (LADDER_PG_SHARED_DIR), the data folder owned
// by "postgres" and linked from where it would have been.

export const DEFAULT_SHARED_DIR = "/var/lib/ladder";
const POSTGRES_USER = "postgres";

function idOf(flag: "-u" | "-g"): number | undefined {
  const result = spawnSync("id", [flag, POSTGRES_USER], { encoding: "utf8" });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : undefined;
}

function lookUpUser(): RunAs | undefined {
  const uid = idOf("-u");
  const gid = idOf("-g");
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

// undefined unless this process runs as root.
export function postgresUserForRoot(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUpUser();
  if (existing) return existing;
  spawnSync("groupadd", ["--system", POSTGRES_USER]);
  spawnSync("useradd", ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER]);
  const created = lookUpUser();
  if (!created) {
    throw new Error(
      'Ladder runs as root, so its embedded PostgreSQL must run as a "postgres" user, which could not be created: create one (useradd --system postgres), run Ladder as an ordinary user, or set DATABASE_URL.',
    );
  }
  return created;
}

// Asks the system, as that user, so permissions, ACLs and groups all count.
export function canReach(runAs: RunAs, target: string): boolean {
  return spawnSync("test", ["-x", target], { ...runAs, stdio: "ignore" }).status === 0;
}

function cannotPlace(sharedDir: string, why: string): Error {
  return new Error(
    `Ladder runs as root in a folder the "postgres" user cannot enter, and cannot place its PostgreSQL in ${sharedDir} either (${why}): set LADDER_PG_SHARED_DIR to a folder that user can reach, run Ladder as an ordinary user, or set DATABASE_URL.`,
  );
}

function prepareSharedDir(sharedDir: string, runAs: RunAs): void {
  try {
    if (!existsSync(sharedDir)) {
      mkdirSync(sharedDir, { recursive: true });
      chmodSync(sharedDir, 0o755);
    }
  } catch (error) {
    throw cannotPlace(sharedDir, (error as Error).message);
  }
  if (!canReach(runAs, sharedDir)) throw cannotPlace(sharedDir, "that user cannot enter it");
}

// Copies keep node_modules untouched (hard links would share its files' modes).
function makeReadableByAll(entry: string): void {
  const stat = lstatSync(entry);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(entry, 0o755);
    for (const name of readdirSync(entry)) makeReadableByAll(path.join(entry, name));
  } else {
    const mode = stat.mode & 0o777;
    chmodSync(entry, mode & 0o100 ? mode | 0o555 : mode | 0o444);
  }
}

function copyBinaries(binaries: PostgresBinaries, sharedDir: string): PostgresBinaries {
  const target = path.join(sharedDir, `postgresql-${binaries.version}`);
  const complete = path.join(target, ".complete");
  if (!existsSync(complete)) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    makeReadableByAll(partial);
    writeFileSync(path.join(partial, ".complete"), "");
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return {
    ...binaries,
    nativeDir: target,
    initdb: path.join(target, "bin", path.basename(binaries.initdb)),
    postgres: path.join(target, "bin", path.basename(binaries.postgres)),
  };
}

// Returns the folder PostgreSQL must be given (the real one, never the link).
function placeData(dataDir: string, sharedDir: string, runAs: RunAs, log: (line: string) => void): string {
  let real = dataDir;
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) {
    real = path.resolve(path.dirname(dataDir), readlinkSync(dataDir));
  } else if (!canReach(runAs, path.dirname(dataDir))) {
    if (existsSync(path.join(dataDir, "PG_VERSION"))) {
      throw new Error(
        `The PostgreSQL data in ${dataDir} is in a folder the "postgres" user cannot enter: move the project to a folder others can enter, run Ladder as an ordinary user, or set DATABASE_URL.`,
      );
    }
    prepareSharedDir(sharedDir, runAs);
    real = path.join(sharedDir, `data-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(real, { recursive: true });
    symlinkSync(real, dataDir);
    log(
      `Running as root in a folder the "postgres" user cannot enter: PostgreSQL's data is kept in ${real} (linked from ${dataDir}).`,
    );
  }
  mkdirSync(real, { recursive: true });
  chownSync(real, runAs.uid, runAs.gid);
  chmodSync(real, 0o700);
  return real;
}

export function placeForRoot(opts: {
  binaries: PostgresBinaries;
  dataDir: string;
  runAs: RunAs;
  sharedDir?: string;
  log: (line: string) => void;
}): { binaries: PostgresBinaries; dataDir: string } {
  const sharedDir = path.resolve(opts.sharedDir ?? DEFAULT_SHARED_DIR);
  let binaries = opts.binaries;
  if (!canReach(opts.runAs, binaries.initdb) || !canReach(opts.runAs, binaries.postgres)) {
    prepareSharedDir(sharedDir, opts.runAs);
    binaries = copyBinaries(binaries, sharedDir);
    if (!canReach(opts.runAs, binaries.postgres)) throw cannotPlace(sharedDir, "the copied binaries are out of reach");
  }
  return { binaries, dataDir: placeData(opts.dataDir, sharedDir, opts.runAs, opts.log) };
}
