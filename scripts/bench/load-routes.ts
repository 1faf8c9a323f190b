// What the load test asks for: the four pages as a browser first loads them (server-rendered
// HTML, every panel's data fetched on the server), and the tRPC batches their panels send from
// the browser when they fetch again (stale after 30 s, a change of filter): the inputs the pages
// give them with no query string, encoded as tRPC 11's httpBatchLink does (GET, superjson,
// `?batch=1&input={"0":…}`, procedures of one batch joined by commas).
import superjson from "superjson";
import { readFinOpsFilters } from "~/components/finops/paths";
import { readIncidentsPage } from "~/components/incidents/paths";
import { daysAgo } from "~/components/maturity/labels";

export interface LoadRoute {
  name: string;
  path: string;
}

function batch(calls: [procedure: string, input: unknown][]): string {
  const inputs = Object.fromEntries(calls.map(([, input], i) => [i, superjson.serialize(input)]));
  return `/api/trpc/${calls.map(([procedure]) => procedure).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

export function loadRoutes(slug: string): LoadRoute[] {
  const workspace = slug;
  const since = daysAgo(30);
  const finops = { workspace, ...readFinOpsFilters({}) };
  const { filters, page } = readIncidentsPage({});
  const incidents = { workspace, ...filters };
  return [
    { name: "page overview", path: `/w/${slug}/overview` },
    { name: "page maturity", path: `/w/${slug}/maturity` },
    { name: "page finops", path: `/w/${slug}/finops` },
    { name: "page incidents", path: `/w/${slug}/incidents` },
    {
      name: "api overview",
      path: batch([
        ["maturity.overview", { workspace, since }],
        ["finops.overview", { workspace }],
        ["incidents.outcomes", { workspace }],
      ]),
    },
    { name: "api maturity", path: batch([["maturity.overview", { workspace, since }]]) },
    { name: "api finops", path: batch([["finops.overview", finops]]) },
    {
      name: "api incidents",
      path: batch([
        ["incidents.overview", incidents],
        ["incidents.list", { ...incidents, page }],
      ]),
    },
  ];
}
