// Assembles the standalone web server after `next build` into one self-contained folder:
// `node scripts/assemble-standalone.mjs <folder>`, then `node <folder>/start.mjs` (server.js under
// scripts/standalone-start.mjs).
// Next.js leaves out the static assets (meant for a CDN) and the migrations (read at run time
// to tell whether the database is current); the container image and its test use this.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

function assembleStandalone(root, target) {
  const standalone = path.join(root, ".next", "standalone");
  if (!existsSync(path.join(standalone, "server.js"))) {
    throw new Error(`${standalone}/server.js is missing: run \`next build\` with output: "standalone" first.`);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // Symlinks stay as they are (relative, inside the folder), never pointing back at the build.
  const copy = (from, to) => cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  copy(standalone, target);
  copy(path.join(root, ".next", "static"), path.join(target, ".next", "static"));
  if (existsSync(path.join(root, "public"))) copy(path.join(root, "public"), path.join(target, "public"));
  copy(path.join(root, "prisma", "migrations"), path.join(target, "prisma", "migrations"));
  // The container's command: server.js with a clean exit after a stop it was asked for.
  copy(path.join(root, "scripts", "standalone-start.mjs"), path.join(target, "start.mjs"));
}

const target = process.argv[2];
if (!target) {
  console.error("usage: node scripts/assemble-standalone.mjs <folder>");
  process.exit(2);
}
assembleStandalone(process.cwd(), path.resolve(target));
console.log(`Standalone server assembled in ${target}: node ${path.join(target, "start.mjs")}`);
