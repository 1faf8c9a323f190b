import { requestPrincipal, type RequestPrincipal } from "~/server/api/principal";
import { AppError } from "~/server/errors";
import { limitTokenRequest } from "~/server/limits/token-limits";
import { EXPORT_TABLES, exportRecords, toCsv, type ExportTable } from "./export";
import { drillRefInput, finopsFiltersInput } from "./finops.schema";
import type { DrillRef } from "./types";

// GET /api/v1/finops/export?table=accounts|ous|environments|nodepools|commitments|trend|rows
//     &format=csv|json&period=YYYY-MM|mtd&ou=/Workloads&environment=prod&account=123456789012
//     [table=rows only: &drillTable=ec2|nodepool|commitment|focus&from=YYYY-MM-DD&to=YYYY-MM-DD
//      &instanceType=…&purchaseOption=…&architecture=…&nodePool=… — the rows behind one number;
//      without them, the EC2 rows of the period]
// With a session, `workspace=<slug>` names the workspace; a token carries its own (as the maturity export).
export async function handleFinopsExport(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const format = q("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new AppError("BAD_REQUEST", 'Ask for format "csv" or "json".');
  const table = q("table") ?? "accounts";
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
    throw new AppError("BAD_REQUEST", `Ask for table ${EXPORT_TABLES.map((t) => `"${t}"`).join(", ")}.`, "table");
  }
  const parsed = finopsFiltersInput.safeParse({
    period: q("period"),
    ou: q("ou"),
    environment: q("environment"),
    accountId: q("account"),
  });
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join(" "));
  const drill = table === "rows" ? readDrill(url.searchParams, parsed.data.accountId) : undefined;
  const principal: RequestPrincipal = await requestPrincipal(request, () => q("workspace"));
  if (principal.tokenId) await limitTokenRequest({ tokenId: principal.tokenId, action: "export" });
  const records = await exportRecords(principal.workspaceId, table as ExportTable, parsed.data, drill);
  const name = `ladder-finops-${table}-${parsed.data.period ?? "last-month"}`;
  if (format === "json") {
    return Response.json(
      { table, filters: parsed.data, rows: records },
      {
        headers: { "content-disposition": `attachment; filename="${name}.json"` },
      },
    );
  }
  return new Response(toCsv(records), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
}

// The drill-down of a rows export, as the page's links write it; one `account` serves the filter and the drill-down.
function readDrill(params: URLSearchParams, accountId: string | undefined): DrillRef | undefined {
  const table = params.get("drillTable");
  if (table === null) return undefined;
  const value = (name: string) => params.get(name) ?? undefined;
  const parsed = drillRefInput.safeParse({
    table,
    from: value("from"),
    to: value("to"),
    accountId,
    instanceType: value("instanceType"),
    purchaseOption: value("purchaseOption"),
    nodePool: value("nodePool"),
    architecture: value("architecture"),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path[0] === "table" ? "drillTable" : String(issue.path[0]);
    throw new AppError("BAD_REQUEST", `The drill-down's ${name} is not valid: ${issue.message}`, name);
  }
  return parsed.data;
}
