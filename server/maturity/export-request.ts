import { requestPrincipal, type RequestPrincipal } from "~/server/api/principal";
import { AppError } from "~/server/errors";
import { limitTokenRequest } from "~/server/limits/token-limits";
import { maturityScopeInput } from "./scope.schema";
import { exportCsv, exportJson } from "./views/export";

// GET /api/v1/maturity/export?format=csv|json&env=prod&ou=/Workloads&account=123456789012 (env=all: every account)
// With a session, `workspace=<slug>` names the workspace; a token carries its own.
export async function handleExportRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new AppError("BAD_REQUEST", 'Ask for format "csv" or "json".');
  const envs = url.searchParams.getAll("env");
  const parsed = maturityScopeInput.safeParse({
    all: envs.includes("all") || undefined,
    environments: envs.filter((e) => e !== "all"),
    ouPaths: url.searchParams.getAll("ou"),
    accountIds: url.searchParams.getAll("account"),
  });
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join(" "));
  const principal: RequestPrincipal = await requestPrincipal(request, () => url.searchParams.get("workspace") ?? undefined);
  if (principal.tokenId) await limitTokenRequest({ tokenId: principal.tokenId, action: "export" });
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "json") {
    return Response.json(await exportJson(principal.workspaceId, parsed.data), {
      headers: { "content-disposition": `attachment; filename="ladder-maturity-${stamp}.json"` },
    });
  }
  return new Response(await exportCsv(principal.workspaceId, parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ladder-maturity-${stamp}.csv"`,
    },
  });
}
