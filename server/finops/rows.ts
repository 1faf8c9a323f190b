import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { accountFilter, loadDirectory } from "./accounts";
import { money, type Decimal } from "./formulas/decimal";
import { architectureOf } from "./instance-types";
import { AWS_PROVIDER, EC2_USAGE } from "./load/focus";
import { CE_PURCHASE_TYPES, focusPurchaseOption, purchaseOptionOf } from "./load/purchase";
import { chosenPayers, payerAccounts } from "./load/scope";
import type { CostRowView, DrillRef, FinOpsFilters } from "./types";

// The cost rows behind a number (drill-down), paged, with the sum of every matching row so a
// reader can check it against the figure. Cost Explorer rows are those of the grouping the
// figure was read from: account × instance type, account × purchase type, or the organisation's
// instance type × purchase type (accountId "*") when both are asked.

export interface CostRowsPage {
  rows: CostRowView[];
  total: number;
  page: number;
  pageSize: number;
  /** Σ effective cost of every matching row (all pages). */
  sum: string;
}

interface RowsRequest {
  workspaceId: string;
  drill: DrillRef;
  filters?: FinOpsFilters;
  page?: number;
  pageSize?: number;
}

interface RawRow {
  day: Date;
  accountId: string;
  instanceType: string | null;
  purchase: string | null;
  nodePool: string | null;
  cost: Decimal;
  list: Decimal | null;
  hours: Decimal | null;
  estimated: boolean;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

async function accountsOf(req: RowsRequest): Promise<string[] | null> {
  if (req.drill.accountId) return [req.drill.accountId];
  const filters = req.filters ?? {};
  if (!filters.accountId && !filters.ou && !filters.environment) return null;
  const directory = await loadDirectory(req.workspaceId);
  const keep = accountFilter(directory, filters);
  return [...directory.accounts.keys()].filter(keep);
}

/** Instance types of the architecture among those present (architecture is read from the type, not stored). */
async function typesOf(table: "Ec2CostDaily" | "FocusCostRow", req: RowsRequest): Promise<string[] | null> {
  if (req.drill.instanceType) return [req.drill.instanceType];
  const arch = req.drill.architecture;
  if (!arch) return null;
  const rows =
    table === "Ec2CostDaily"
      ? await db.$queryRaw<{ t: string }[]>`SELECT DISTINCT "instanceType" AS t FROM "Ec2CostDaily"
           WHERE "awsAccountRef" IN (SELECT id FROM (${payerAccounts(req.workspaceId)}) pa)
             AND day >= ${day(req.drill.from)}::date AND day < ${day(req.drill.to)}::date`
      : await db.$queryRaw<{ t: string }[]>`SELECT DISTINCT "instanceType" AS t FROM "FocusCostRow"
           WHERE "workspaceId" = ${req.workspaceId} AND "instanceType" IS NOT NULL`;
  return rows.map((r) => r.t).filter((t) => t !== "*" && architectureOf(t) === arch);
}

const anyOf = (column: Prisma.Sql, values: string[] | null) =>
  values === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${values})`;

async function ceQuery(req: RowsRequest): Promise<Prisma.Sql> {
  const { drill } = req;
  const from = day(drill.from);
  const to = day(drill.to);
  const accounts = await accountsOf(req);
  if (drill.table === "commitment") {
    return Prisma.sql`SELECT r.day, r."accountId", NULL AS "instanceType",
        CASE WHEN r.kind = 'ri_utilization' THEN 'reserved' ELSE 'savings_plans' END AS purchase, NULL AS "nodePool",
        COALESCE(r.unused, 0) AS cost, NULL AS list, r."unusedHours" AS hours, false AS estimated
      FROM "CommitmentDaily" r
     WHERE r."awsAccountRef" IN (SELECT DISTINCT "payerRef" FROM (${chosenPayers(req.workspaceId, from, to)}) p
                                 WHERE ${anyOf(Prisma.sql`p."accountId"`, accounts)})
       AND r."accountId" = '*' AND r.kind IN ('ri_utilization', 'sp_utilization') AND r.day >= ${from}::date AND r.day < ${to}::date`;
  }
  const purchaseTypes = drill.purchaseOption ? CE_PURCHASE_TYPES[drill.purchaseOption] : null;
  if (drill.table === "nodepool") {
    const org = purchaseTypes !== null;
    return Prisma.sql`SELECT r.day, r."accountId", NULL AS "instanceType", r."purchaseType" AS purchase, r."nodePool",
        r.amortized AS cost, NULL AS list, NULL AS hours, r.estimated
      FROM "NodePoolCostDaily" r
      ${org ? Prisma.sql`` : Prisma.sql`JOIN (${chosenPayers(req.workspaceId, from, to)}) p ON p."payerRef" = r."awsAccountRef" AND p."accountId" = r."accountId"`}
     WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(req.workspaceId)}) pa) AND r.day >= ${from}::date AND r.day < ${to}::date
       AND ${org ? Prisma.sql`r."accountId" = '*' AND r."purchaseType" = ANY(${purchaseTypes})` : Prisma.sql`r."purchaseType" = '*' AND ${anyOf(Prisma.sql`r."accountId"`, accounts)}`}
       AND ${drill.nodePool === undefined ? Prisma.sql`TRUE` : Prisma.sql`r."nodePool" = ${drill.nodePool}`}`;
  }
  const types = await typesOf("Ec2CostDaily", req);
  const byType = types !== null;
  const grouping =
    byType && purchaseTypes
      ? Prisma.sql`r."accountId" = '*' AND r."purchaseType" = ANY(${purchaseTypes}) AND r."instanceType" = ANY(${types})`
      : purchaseTypes
        ? Prisma.sql`r."instanceType" = '*' AND r."purchaseType" = ANY(${purchaseTypes}) AND ${anyOf(Prisma.sql`r."accountId"`, accounts)}`
        : Prisma.sql`r."purchaseType" = '*' AND r."instanceType" <> '*' AND ${anyOf(Prisma.sql`r."instanceType"`, types)} AND ${anyOf(Prisma.sql`r."accountId"`, accounts)}`;
  const org = byType && purchaseTypes !== null;
  return Prisma.sql`SELECT r.day, r."accountId", NULLIF(r."instanceType", '*') AS "instanceType", NULLIF(r."purchaseType", '*') AS purchase,
      NULL AS "nodePool", r.amortized AS cost, NULL AS list, r."usageHours" AS hours, r.estimated
    FROM "Ec2CostDaily" r
    ${org ? Prisma.sql`` : Prisma.sql`JOIN (${chosenPayers(req.workspaceId, from, to)}) p ON p."payerRef" = r."awsAccountRef" AND p."accountId" = r."accountId"`}
   WHERE r."awsAccountRef" IN (SELECT id FROM (${payerAccounts(req.workspaceId)}) pa) AND r.day >= ${from}::date AND r.day < ${to}::date
     AND ${grouping}`;
}

async function focusQuery(req: RowsRequest): Promise<Prisma.Sql> {
  const { drill } = req;
  const accounts = await accountsOf(req);
  const types = await typesOf("FocusCostRow", req);
  const pricing: Record<string, Prisma.Sql> = {
    on_demand: Prisma.sql`COALESCE(r."pricingCategory", 'Standard') NOT IN ('Dynamic', 'Committed')`,
    spot: Prisma.sql`r."pricingCategory" = 'Dynamic'`,
    reserved: Prisma.sql`r."pricingCategory" = 'Committed' AND r."commitmentDiscountType" ILIKE '%reserv%'`,
    savings_plans: Prisma.sql`r."pricingCategory" = 'Committed' AND COALESCE(r."commitmentDiscountType", '') NOT ILIKE '%reserv%'`,
  };
  return Prisma.sql`SELECT date_trunc('day', r."chargePeriodStart" AT TIME ZONE 'UTC') AS day, r."subAccountId" AS "accountId",
      r."instanceType", COALESCE(r."pricingCategory", '') || '|' || COALESCE(r."commitmentDiscountType", '') AS purchase, r."nodePool",
      r."effectiveCost" AS cost, r."listCost" AS list, r."consumedQuantity" AS hours, false AS estimated
    FROM "FocusCostRow" r
   WHERE r."workspaceId" = ${req.workspaceId} AND ${AWS_PROVIDER} AND ${EC2_USAGE}
     AND r."chargePeriodStart" >= ${day(drill.from)} AND r."chargePeriodStart" < ${day(drill.to)}
     AND ${anyOf(Prisma.sql`r."subAccountId"`, accounts)} AND ${anyOf(Prisma.sql`r."instanceType"`, types)}
     AND ${drill.purchaseOption ? pricing[drill.purchaseOption]! : Prisma.sql`TRUE`}
     AND ${drill.nodePool === undefined ? Prisma.sql`TRUE` : Prisma.sql`COALESCE(r."nodePool", '') = ${drill.nodePool}`}`;
}

export async function costRows(req: RowsRequest): Promise<CostRowsPage> {
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? 100;
  const focus = req.drill.table === "focus";
  const query = focus ? await focusQuery(req) : await ceQuery(req);
  const [rows, totals] = await Promise.all([
    db.$queryRaw<
      RawRow[]
    >`SELECT * FROM (${query}) q ORDER BY q.day, q."accountId", q."instanceType" NULLS FIRST, q.purchase NULLS FIRST, q."nodePool" NULLS FIRST
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: bigint; sum: Decimal | null }[]>`SELECT count(*) AS total, sum(q.cost) AS sum FROM (${query}) q`,
  ]);
  return {
    rows: rows.map((r) => ({
      source: focus ? "focus" : "cost-explorer",
      day: r.day.toISOString().slice(0, 10),
      accountId: r.accountId,
      instanceType: r.instanceType,
      purchaseOption: r.purchase === null ? null : focus ? focusOption(r.purchase) : purchaseOptionOf(r.purchase),
      nodePool: r.nodePool,
      effectiveCost: money(r.cost) ?? "0",
      listCost: money(r.list),
      usageHours: r.hours === null ? null : money(r.hours),
      estimated: r.estimated,
    })),
    total: Number(totals[0]?.total ?? 0),
    page,
    pageSize,
    sum: money(totals[0]?.sum ?? null) ?? "0",
  };
}

function focusOption(value: string): string {
  const [category, type] = value.split("|");
  return focusPurchaseOption(category || null, type || null);
}
