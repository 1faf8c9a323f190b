import { stringify } from "csv-stringify/sync";
import { finopsOverview } from "./overview";
import { costRows } from "./rows";
import type { DrillRef, FinOpsFilters } from "./types";

// Every FinOps table as flat records (CSV columns, JSON objects), from the same overview the page reads.

export const EXPORT_TABLES = ["accounts", "ous", "environments", "nodepools", "commitments", "trend", "rows"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const ROWS_LIMIT = 100_000;
const ROWS_PAGE = 500;

type Flat = Record<string, string | number | boolean | null>;

export async function exportRecords(
  workspaceId: string,
  table: ExportTable,
  filters: FinOpsFilters,
  rowsDrill?: DrillRef,
): Promise<Flat[]> {
  if (table === "rows" && rowsDrill) return exportRows(workspaceId, rowsDrill, filters);
  const overview = await finopsOverview(workspaceId, filters);
  switch (table) {
    case "accounts":
    case "ous":
    case "environments": {
      const rows = table === "accounts" ? overview.byAccount : table === "ous" ? overview.byOu : overview.byEnvironment;
      return rows.map(({ drill: _drill, ...row }) => ({ period: overview.filters.period, ...row }));
    }
    case "nodepools":
      return overview.nodePools.map(({ drill: _drill, ...row }) => ({ period: overview.filters.period, ...row }));
    case "commitments":
      return overview.commitments.months.map((m) => ({ ...m }));
    case "trend":
      return overview.trend.map(({ byArchitecture, byPurchaseOption, ...m }) => ({
        ...m,
        graviton: byArchitecture.graviton,
        x86: byArchitecture.x86,
        otherArchitecture: byArchitecture.other,
        onDemand: byPurchaseOption.on_demand,
        spot: byPurchaseOption.spot,
        reserved: byPurchaseOption.reserved,
        savingsPlans: byPurchaseOption.savings_plans,
      }));
    case "rows": {
      const drill = overview.headline.ec2Spend.drill;
      return drill ? exportRows(workspaceId, drill, filters) : [];
    }
  }
}

async function exportRows(workspaceId: string, drill: DrillRef, filters: FinOpsFilters): Promise<Flat[]> {
  const out: Flat[] = [];
  for (let page = 1; out.length < ROWS_LIMIT; page++) {
    const got = await costRows({ workspaceId, drill, filters, page, pageSize: ROWS_PAGE });
    out.push(...got.rows.map((r) => ({ ...r })));
    if (got.rows.length < ROWS_PAGE) break;
  }
  return out;
}

export function toCsv(records: Flat[]): string {
  if (!records.length) return "";
  return stringify(records, {
    header: true,
    columns: Object.keys(records[0]!),
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
}
