// Another Node.js release for testing (`tsx scripts/node-binary.ts 22` prints its `bin`
// folder): the npm registry publishes each release's official binary as the package
// `node-<platform>-<arch>` (what the `node` package installs), so one `npm pack` fetches it
// where nothing but the registry is reachable. Kept in .data/node/<major> (git-ignored).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CACHE = path.join(".data", "node");

function packageName(): string {
  const platform = process.platform === "win32" ? "win" : process.platform;
  return `node-${platform}-${process.arch}`;
}

function versionOf(node: string): string {
  return execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
}

// The folder holding `node` for the newest release of that major version; fetched once.
export function ensureNodeBinary(major: number): string {
  const folder = path.resolve(CACHE, String(major));
  const bin = path.join(folder, "bin");
  if (existsSync(path.join(bin, "node"))) return bin;
  const download = `${folder}.download-${process.pid}`;
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  try {
    execFileSync("npm", ["pack", "--silent", "--pack-destination", download, `${packageName()}@${major}`], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const tarball = readdirSync(download).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${packageName()}@${major} produced no package`);
    const unpacked = path.join(download, "package");
    execFileSync("tar", ["-xzf", path.join(download, tarball), "-C", download]);
    if (!versionOf(path.join(unpacked, "bin", "node")).startsWith(`v${major}.`))
      throw new Error(`${tarball} is not Node ${major}`);
    rmSync(folder, { recursive: true, force: true });
    renameSync(unpacked, folder);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return bin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const major = Number(process.argv[2]);
  if (!Number.isInteger(major)) {
    console.error("usage: tsx scripts/node-binary.ts <major version, e.g. 22>");
    process.exit(2);
  }
  const bin = ensureNodeBinary(major);
  console.error(`node-binary: ${versionOf(path.join(bin, "node"))} in ${bin}`);
  console.log(bin);
}
