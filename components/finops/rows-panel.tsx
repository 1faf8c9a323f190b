"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClasses } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { FinOpsFiltersInput } from "~/server/finops/finops.schema";
import type { DrillRef } from "~/server/finops/types";
import { ExportLinks } from "./export-links";
import { formatQuantity, formatUsd, monthLabel } from "./format";
import { purchaseOptionLabels } from "./labels";
import { NOT_KARPENTER } from "./node-pools";
import { rowsPath } from "./paths";
import { describeDrill } from "./drill-label";

const PAGE_SIZE = 50;

// The cost rows behind a number, a page at a time, with the sum of all of them so a reader can
// check it against the figure they came from. The page number is in the URL like the rest.
export function RowsPanel({
  workspace,
  drill,
  filters,
  page,
}: {
  workspace: string;
  drill: DrillRef;
  filters: FinOpsFiltersInput;
  page: number;
}) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.finops.rows.queryOptions(
      { workspace, drill, filters, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const pageHref = (n: number) => `${rowsPath(workspace, drill, filters)}&page=${n}`;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title={describeDrill(drill)}
        description={
          data
            ? `${formatQuantity(String(data.total))} rows; their effective cost adds up to ${formatUsd(data.sum)}.`
            : "Reading the rows…"
        }
        action={<ExportLinks workspace={workspace} table="rows" filters={filters} drill={drill} label="these rows" />}
      />
      {error && (
        <Alert tone="error" title="The rows could not be read">
          {error.message}
        </Alert>
      )}
      {isPending && !error && (
        <p role="status" className="px-5 py-4 text-sm text-slate-600">
          Loading the rows…
        </p>
      )}
      {data && data.rows.length === 0 && <p className="px-5 py-4 text-sm text-slate-600">No cost rows match.</p>}
      {data && data.rows.length > 0 && (
        <Table caption={`Cost rows, page ${data.page} of ${pages}`}>
          <thead>
            <tr>
              <Th>Day</Th>
              <Th>Account</Th>
              <Th>Instance type</Th>
              <Th>Purchase</Th>
              <Th>Node pool</Th>
              <Th className="text-right">Effective cost</Th>
              <Th className="text-right">List cost</Th>
              <Th className="text-right">Usage hours</Th>
              <Th>Source</Th>
            </tr>
          </thead>
          <TBody>
            {data.rows.map((row, i) => (
              <tr
                key={`${row.day}-${row.accountId}-${row.instanceType ?? ""}-${row.purchaseOption ?? ""}-${row.nodePool ?? ""}-${i}`}
              >
                <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                  {monthLabel(row.day.slice(0, 10))}
                  {row.estimated && (
                    <span className="ml-2">
                      <Badge tone="amber">Estimated</Badge>
                    </span>
                  )}
                </th>
                <Td className="py-2 font-mono text-xs">{row.accountId === "*" ? "All accounts" : row.accountId}</Td>
                <Td className="py-2">{row.instanceType ?? "—"}</Td>
                <Td className="py-2">
                  {row.purchaseOption
                    ? (purchaseOptionLabels[row.purchaseOption as keyof typeof purchaseOptionLabels] ?? row.purchaseOption)
                    : "—"}
                </Td>
                <Td className="py-2">{row.nodePool === null ? "—" : row.nodePool === "" ? NOT_KARPENTER : row.nodePool}</Td>
                <Td className="py-2 text-right whitespace-nowrap tabular-nums">{formatUsd(row.effectiveCost)}</Td>
                <Td className="py-2 text-right whitespace-nowrap tabular-nums">{formatUsd(row.listCost)}</Td>
                <Td className="py-2 text-right whitespace-nowrap tabular-nums">{formatQuantity(row.usageHours, 2)}</Td>
                <Td className="py-2 whitespace-nowrap">{row.source === "focus" ? "FOCUS" : "Cost Explorer"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {data && pages > 1 && (
        <nav
          aria-label="Pages of cost rows"
          className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm"
        >
          {data.page > 1 ? (
            <Link href={pageHref(data.page - 1)} className={buttonClasses("secondary", "sm")} scroll={false}>
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Page {data.page} of {pages}
          </span>
          {data.page < pages ? (
            <Link href={pageHref(data.page + 1)} className={buttonClasses("secondary", "sm")} scroll={false}>
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </Card>
  );
}
