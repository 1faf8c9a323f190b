// One mixed run: every signed-in user is one keep-alive connection that asks for one route on one
// web process for the whole run, as fast as the answers come (closed loop). One autocannon
// instance per (route, process), all in parallel; each response's latency is recorded per route
// (autocannon's own percentiles stop at p97.5 and are per instance), so p50/p95/p99 are exact.
import autocannon from "autocannon";
import type { LoadRoute } from "./load-routes";
import type { WebProcess } from "./load-web";

export interface Session {
  cookie: string;
  web: WebProcess;
}

export interface RouteResult {
  name: string;
  connections: number;
  requests: number;
  perSecond: number;
  // null when no request finished within the run.
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  errors: number;
  non2xx: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]! : null;
const ms = (value: number | null) => (value === null ? "none done" : value.toFixed(0));

/** User i asks for route i mod R on the process its session came from. */
export function assign(routes: LoadRoute[], sessions: Session[]) {
  const groups = new Map<string, { route: LoadRoute; web: WebProcess; cookies: string[] }>();
  sessions.forEach((session, i) => {
    const route = routes[i % routes.length]!;
    const key = `${route.name} ${session.web.base}`;
    const group = groups.get(key) ?? { route, web: session.web, cookies: [] };
    group.cookies.push(session.cookie);
    groups.set(key, group);
  });
  return [...groups.values()];
}

export async function runLoad(routes: LoadRoute[], sessions: Session[], seconds: number): Promise<RouteResult[]> {
  const stats = new Map(routes.map((r) => [r.name, { latencies: [] as number[], errors: 0, non2xx: 0, connections: 0 }]));
  const runs = assign(routes, sessions).map(({ route, web, cookies }) => {
    const stat = stats.get(route.name)!;
    stat.connections += cookies.length;
    let next = 0;
    const instance = autocannon({
      url: `${web.base}${route.path}`,
      connections: cookies.length,
      duration: seconds,
      timeout: 120,
      setupClient: (client) =>
        client.setHeaders({ cookie: cookies[next++ % cookies.length]!, accept: "text/html,application/json" }),
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      stat.latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) stat.non2xx++;
    });
    instance.on("reqError", () => stat.errors++);
    return instance;
  });
  await Promise.all(runs);
  return routes.map((route) => {
    const stat = stats.get(route.name)!;
    const sorted = stat.latencies.sort((a, b) => a - b);
    return {
      name: route.name,
      connections: stat.connections,
      requests: sorted.length,
      perSecond: sorted.length / seconds,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? null,
      errors: stat.errors,
      non2xx: stat.non2xx,
    };
  });
}

export function printTable(results: RouteResult[]): void {
  const header = ["route", "conns", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "non-2xx"];
  const rows = results.map((r) => [
    r.name,
    String(r.connections),
    String(r.requests),
    r.perSecond.toFixed(1),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
    String(r.errors),
    String(r.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}
