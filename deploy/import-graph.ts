import { existsSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

// What a TypeScript entry point loads at run time, followed through the repository's own
// files: the files themselves and the packages they import. Type-only imports are left out
// (tsx erases them). Used to check that the container image holds what the CLI needs.

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

function resolveFile(base: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

export function importGraph(entry: string, root = process.cwd()): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [path.resolve(root, entry)];
  while (pending.length) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      let target: string | undefined;
      if (specifier.startsWith("~/")) target = resolveFile(path.join(root, specifier.slice(2)));
      else if (specifier.startsWith(".")) target = resolveFile(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith("node:") && !builtinModules.includes(specifier)) packages.add(packageName(specifier));
      else continue;
      if (specifier.startsWith("~/") || specifier.startsWith(".")) {
        if (!target) throw new Error(`${path.relative(root, file)}: cannot resolve ${specifier}`);
        pending.push(target);
      }
    }
  }
  return { files: [...files].map((f) => path.relative(root, f)).sort(), packages: [...packages].sort() };
}
