import { requestPrincipal, type RequestPrincipal } from "~/server/api/principal";
import { AppError } from "~/server/errors";
import { limitTokenRequest } from "~/server/limits/token-limits";
import { EXPORT_TABLES, exportRecords, toCsv, type ExportTable } from "./export";
import { incidentFiltersInput } from "./incidents.schema";

// GET /api/v1/incidents/export?table=incidents|deployments|dora&format=csv|json
//     &from=YYYY-MM-DD&to=YYYY-MM-DD&bucket=week|month&ou=/Workloads&environment=prod
//     &account=123456789012&service=checkout&window=24 (hours after a deployment that count against it)
// With a session, `workspace=<slug>` names the workspace; a token carries its own (as the FinOps export).
export async function handleIncidentsExport(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const format = q("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new AppError("BAD_REQUEST", 'Ask for format "csv" or "json".', "format");
  const table = q("table") ?? "incidents";
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
    throw new AppError("BAD_REQUEST", `Ask for table ${EXPORT_TABLES.map((t) => `"${t}"`).join(", ")}.`, "table");
  }
  const window = q("window");
  if (window !== undefined && !/^\d{1,3}$/.test(window)) {
    throw new AppError("BAD_REQUEST", "The failure window is a whole number of hours.", "window");
  }
  const parsed = incidentFiltersInput.safeParse({
    from: q("from"),
    to: q("to"),
    bucket: q("bucket"),
    ou: q("ou"),
    environment: q("environment"),
    accountId: q("account"),
    service: q("service"),
    failureWindowHours: window === undefined ? undefined : Number(window),
  });
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join(" "));
  const principal: RequestPrincipal = await requestPrincipal(request, () => q("workspace"));
  if (principal.tokenId) await limitTokenRequest({ tokenId: principal.tokenId, action: "export" });
  const records = await exportRecords(principal.workspaceId, table as ExportTable, parsed.data);
  const name = `ladder-incidents-${table}`;
  if (format === "json") {
    return Response.json(
      { table, filters: parsed.data, rows: records },
      { headers: { "content-disposition": `attachment; filename="${name}.json"` } },
    );
  }
  return new Response(toCsv(records), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
}
