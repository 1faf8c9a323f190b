import { areHttpHooksInstalled, PEER_ADDRESS_HEADER } from "~/server/telemetry/http-hooks";
import { telemetryConfig } from "~/server/telemetry/config";
import { log } from "~/server/telemetry/log";
import { checkMetricsAccess } from "~/server/telemetry/metrics-access";
import { METRICS_CONTENT_TYPE, scrapeMetrics } from "~/server/telemetry/scrape";

// Prometheus metrics of this process. LADDER_METRICS_TOKEN set: a Bearer token is required.
// Unset: only loopback peers, by the socket address the HTTP hooks recorded (a header a client
// cannot set: the hooks replace it); where the hooks are not installed, nobody.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = checkMetricsAccess({
    authorization: request.headers.get("authorization"),
    peerAddress: areHttpHooksInstalled() ? (request.headers.get(PEER_ADDRESS_HEADER) ?? undefined) : undefined,
    token: telemetryConfig().metricsToken,
  });
  if (!access.allowed) {
    return new Response(access.reason, {
      status: access.status,
      headers: access.status === 401 ? { "www-authenticate": "Bearer" } : {},
    });
  }
  try {
    return new Response(await scrapeMetrics(), {
      headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" },
    });
  } catch (error) {
    log.error({ err: error }, "metrics scrape failed");
    return new Response("The metrics could not be read.", { status: 500 });
  }
}
