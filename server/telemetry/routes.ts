import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Turns a request path into the route that served it ("/w/[slug]/maturity"), so metrics have one
// series per route rather than one per URL. Routes come from the app folder when it is there
// (development, `npm start`) and from the build's route manifest otherwise (a standalone server).
// Paths that match no route count as "other": a scanner cannot grow the series without bound.

interface RoutePattern {
  route: string;
  regex: RegExp;
  // Static segments first: "/w/new" beats "/w/[slug]".
  weight: number;
}

const STATIC_PREFIXES: [string, string][] = [
  ["/_next/static/", "/_next/static"],
  ["/_next/image", "/_next/image"],
];

export function routePatterns(routes: string[]): RoutePattern[] {
  return [...new Set(routes)]
    .map((route) => {
      const segments = route.split("/").filter(Boolean);
      const regex = segments
        .map((segment) => {
          if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
          if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
          if (/^\[.+\]$/.test(segment)) return "/[^/]+";
          return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("");
      const weight = segments.filter((s) => !s.startsWith("[")).length * 100 - segments.length;
      return { route: route || "/", regex: new RegExp(`^${regex || "/"}$`), weight };
    })
    .sort((a, b) => b.weight - a.weight);
}

export function matchRoute(patterns: RoutePattern[], pathname: string): string {
  for (const [prefix, route] of STATIC_PREFIXES) if (pathname.startsWith(prefix)) return route;
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return patterns.find((p) => p.regex.test(trimmed))?.route ?? "other";
}

// Routes under app/: folders holding a page or a route handler, without route groups "(app)".
export function routesFromAppDir(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const grouped = /^\(.+\)$/.test(entry.name);
        walk(path.join(dir, entry.name), grouped ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        routes.push("/" + segments.join("/"));
      }
    }
  };
  walk(appDir, []);
  return routes;
}

function routesFromManifest(distDir: string): string[] {
  const file = path.join(distDir, "app-path-routes-manifest.json");
  if (!existsSync(file)) return [];
  return Object.values(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
}

let known: RoutePattern[] | undefined;

export function routeOf(pathname: string): string {
  if (!known) {
    const root = process.cwd();
    const appDir = path.join(root, "app");
    known = routePatterns(existsSync(appDir) ? routesFromAppDir(appDir) : routesFromManifest(path.join(root, ".next")));
  }
  return matchRoute(known, pathname);
}
