import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText, sampleSum } from "~/server/test/prometheus-text";
import { installHttpHooks, PEER_ADDRESS_HEADER, REQUEST_ID_HEADER } from "./http-hooks";
import { serveMetrics } from "./metrics-server";

// A plain Node server stands in for Next's: the hooks see every server in the process.
let app: Server;
let base: string;
const seen: Record<string, string | string[] | undefined>[] = [];

beforeAll(async () => {
  installHttpHooks();
  app = createServer((req, res) => {
    seen.push({ ...req.headers });
    res.writeHead(req.url?.startsWith("/missing") ? 404 : 200).end("ok");
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

const listen = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

describe("HTTP hooks", () => {
  it("give each request an id, keep the caller's, and echo it", async () => {
    const fresh = await fetch(`${base}/w/acme/overview`);
    const id = fresh.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.at(-1)![REQUEST_ID_HEADER]).toBe(id);
    const kept = await fetch(`${base}/w/acme/overview`, { headers: { [REQUEST_ID_HEADER]: "lb-1234.abc" } });
    expect(kept.headers.get(REQUEST_ID_HEADER)).toBe("lb-1234.abc");
    // Not an id: something a log line should not carry verbatim.
    const replaced = await fetch(`${base}/w/acme/overview`, { headers: { [REQUEST_ID_HEADER]: "x".repeat(300) } });
    expect(replaced.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("record the socket's address, replacing a header a client sent", async () => {
    await fetch(`${base}/`, { headers: { [PEER_ADDRESS_HEADER]: "127.0.0.1-forged" } });
    expect(seen.at(-1)![PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("time requests by route, not by path, and serve them to a worker's metrics port", async () => {
    await fetch(`${base}/w/one/maturity`);
    await fetch(`${base}/w/two/maturity?tab=checks`);
    await fetch(`${base}/missing/page`);
    const server = await serveMetrics({ port: 0, token: undefined, host: "127.0.0.1" });
    try {
      const response = await fetch(`${listen(server)}/metrics`);
      expect(response.status).toBe(200);
      const samples = parsePrometheusText(await response.text());
      const count = (where: Record<string, string>) => sampleSum(samples, "ladder_http_request_duration_seconds_count", where);
      expect(count({ route: "/w/[slug]/maturity", method: "GET", status: "200" })).toBe(2);
      expect(count({ route: "other", status: "404" })).toBe(1);
      expect(samples.some((s) => s.labels.route?.includes("one") || s.labels.route?.includes("two"))).toBe(false);
      expect((await fetch(`${listen(server)}/other`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("ask a worker's scraper for the token when one is set", async () => {
    const server = await serveMetrics({ port: 0, token: "worker-token", host: "127.0.0.1" });
    try {
      expect((await fetch(`${listen(server)}/metrics`)).status).toBe(401);
      const ok = await fetch(`${listen(server)}/metrics`, { headers: { authorization: "Bearer worker-token" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("ladder_queue_jobs");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
