// Liveness: the process is up and serving. Nothing else is checked, so a slow database never
// gets a healthy process restarted (that is /api/ready's job: it takes the instance out of rotation).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
