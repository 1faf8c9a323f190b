import type { FinOpsFiltersInput } from "~/server/finops/finops.schema";
import type { Architecture, DrillRef, FinOpsFilters, PurchaseOption } from "~/server/finops/types";

// The FinOps filters live in the URL with the export's names
// (?period=2026-10&ou=ou-ab12-workloads&environment=prod&account=123456789012), so a reload,
// a shared link, the export and the drill-down all carry the same scope. On the rows page one
// `account` serves the drill-down and the filter: a drill-down never leaves the filter's account.

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const PERIOD = /^(\d{4}-(0[1-9]|1[0-2])|mtd)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACCOUNT = /^\d{12}$/;
type Environment = NonNullable<FinOpsFiltersInput["environment"]>;
const ENVIRONMENTS: readonly string[] = ["prod", "staging", "dev", "sandbox"] satisfies Environment[];

/** The filters in the URL, as the FinOps procedures take them; what is not valid is dropped. */
export function readFinOpsFilters(params: SearchParams): FinOpsFiltersInput {
  const filters: FinOpsFiltersInput = {};
  const period = first(params.period);
  if (period && PERIOD.test(period)) filters.period = period;
  const ou = first(params.ou);
  if (ou && ou.length <= 1024 && /^(\/|ou-|r-)/.test(ou)) filters.ou = ou;
  const environment = first(params.environment);
  if (environment && ENVIRONMENTS.includes(environment)) filters.environment = environment as Environment;
  const accountId = first(params.account);
  if (accountId && ACCOUNT.test(accountId)) filters.accountId = accountId;
  return filters;
}

function query(values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

const filterValues = (filters: FinOpsFilters) => ({
  period: filters.period,
  ou: filters.ou,
  environment: filters.environment,
  account: filters.accountId,
});

export const finopsPath = (workspace: string, filters: FinOpsFilters = {}) =>
  `/w/${workspace}/finops${query(filterValues(filters))}`;

export type ExportTable = "accounts" | "ous" | "environments" | "nodepools" | "commitments" | "trend" | "rows";

/**
 * An export link. The rows behind a number export with their drill-down, its table named
 * `drillTable` (beside `table=rows`), and an untagged node pool kept as `nodePool=`.
 */
export function finopsExportPath(
  workspace: string,
  table: ExportTable,
  format: "csv" | "json",
  filters: FinOpsFilters,
  drill?: DrillRef,
): string {
  const text = query({ workspace, table, format, ...filterValues(filters) });
  if (!drill) return `/api/v1/finops/export${text}`;
  const { table: drillTable, ...rest } = drillValues(drill);
  return `/api/v1/finops/export${text}${drillSuffix({ drillTable, ...rest }, drill)}`;
}

// Appended to a query that already has parameters ("&…"), or starting one ("?…").
function drillSuffix(values: Record<string, string | undefined>, drill: DrillRef, hasQuery = true): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") search.set(key, value);
  if (drill.nodePool !== undefined) search.set("nodePool", drill.nodePool);
  const text = search.toString();
  return text ? `${hasQuery ? "&" : "?"}${text}` : "";
}

const definedOnly = (values: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

const tables: DrillRef["table"][] = ["ec2", "nodepool", "commitment", "focus"];
const purchaseOptions: PurchaseOption[] = ["on_demand", "spot", "reserved", "savings_plans"];
const architectures: Architecture[] = ["graviton", "x86", "other"];

function drillValues(drill: DrillRef): Record<string, string | undefined> {
  return {
    table: drill.table,
    from: drill.from,
    to: drill.to,
    account: drill.accountId,
    instanceType: drill.instanceType,
    purchaseOption: drill.purchaseOption,
    architecture: drill.architecture,
  };
}

/** The drill-down page for the rows behind a number, in the page's scope. A node pool of "" (untagged spend) is kept as `nodePool=`. */
export function rowsPath(workspace: string, drill: DrillRef, filters: FinOpsFilters = {}): string {
  return `/w/${workspace}/finops/rows${drillSuffix({ ...filterValues(filters), ...definedOnly(drillValues(drill)) }, drill, false)}`;
}

/** The drill-down read back from the rows page's URL; null when it names no valid table and dates. */
export function readDrill(params: SearchParams): DrillRef | null {
  const table = first(params.table) as DrillRef["table"] | undefined;
  const from = first(params.from);
  const to = first(params.to);
  if (!table || !tables.includes(table) || !from || !to || !DAY.test(from) || !DAY.test(to)) return null;
  const drill: DrillRef = { table, from, to };
  const account = first(params.account);
  if (account && ACCOUNT.test(account)) drill.accountId = account;
  const instanceType = first(params.instanceType);
  if (instanceType && /^[\w.-]{1,40}$/.test(instanceType)) drill.instanceType = instanceType;
  const purchaseOption = first(params.purchaseOption) as PurchaseOption | undefined;
  if (purchaseOption && purchaseOptions.includes(purchaseOption)) drill.purchaseOption = purchaseOption;
  const architecture = first(params.architecture) as Architecture | undefined;
  if (architecture && architectures.includes(architecture)) drill.architecture = architecture;
  const nodePool = first(params.nodePool);
  if (nodePool !== undefined && nodePool.length <= 100) drill.nodePool = nodePool;
  return drill;
}
