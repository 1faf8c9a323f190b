import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when the sources changed since the last build it made.
const SOURCES = [
  "app",
  "components",
  "server",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const STAMP = path.join(".next", "ladder-build-fingerprint");

function walk(entry: string, into: string[]): void {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const name of readdirSync(entry)) walk(path.join(entry, name), into);
  } else if (!/\.test\.tsx?$/.test(entry)) {
    into.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(source, files);
  return createHash("sha256").update(files.sort().join("\n")).digest("hex");
}

export function isBuildCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceFingerprint();
}

export function buildApp(log: (line: string) => void): void {
  log("Building the app (first start, or sources changed) …");
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(STAMP, sourceFingerprint());
}
