import { checkReadiness } from "~/server/telemetry/readiness";

// Readiness: 200 when this instance can serve (database, migrations, queue), 503 naming the
// check that failed otherwise. Unauthenticated and cheap: probes call it every few seconds.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "cache-control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "unavailable", failed: readiness.failed, detail: readiness.detail }, { status: 503, headers });
}
