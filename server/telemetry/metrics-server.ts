import { createServer, type Server } from "node:http";
import { log } from "./log";
import { checkMetricsAccess } from "./metrics-access";
import { METRICS_CONTENT_TYPE, scrapeMetrics } from "./scrape";

// A worker is not a web server: with LADDER_METRICS_PORT set it answers GET /metrics (and
// /api/metrics, the web path) on that port, with the same access rule as the web endpoint.
export async function serveMetrics(opts: { port: number; token: string | undefined; host?: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || (path !== "/metrics" && path !== "/api/metrics")) {
      res.writeHead(404).end();
      return;
    }
    const access = checkMetricsAccess({
      authorization: req.headers.authorization,
      peerAddress: req.socket.remoteAddress,
      token: opts.token,
    });
    if (!access.allowed) {
      res.writeHead(access.status, { "content-type": "text/plain" }).end(access.reason);
      return;
    }
    scrapeMetrics().then(
      (text) => res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE }).end(text),
      (error: unknown) => {
        log.error({ err: error }, "metrics scrape failed");
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return server;
}
