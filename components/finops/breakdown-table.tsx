"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { BreakdownRow, FinOpsFilters } from "~/server/finops/types";
import { ExportLinks } from "./export-links";
import { formatShare, formatUsd, NO_DATA } from "./format";
import { type ExportTable, rowsPath } from "./paths";
import { type SortDirection, sortRows } from "./sort";

type Column = { key: keyof BreakdownRow & string; label: string; kind: "text" | "usd" | "share" };

const columns: Column[] = [
  { key: "label", label: "Name", kind: "text" },
  { key: "ec2Spend", label: "EC2 spend", kind: "usd" },
  { key: "gravitonShare", label: "Graviton share", kind: "share" },
  { key: "spotShare", label: "Spot share", kind: "share" },
  { key: "realized", label: "Realized", kind: "usd" },
  { key: "potential", label: "Potential", kind: "usd" },
  { key: "esr", label: "ESR", kind: "share" },
];

function cellText(row: BreakdownRow, column: Column): string {
  const value = row[column.key] as string | null;
  if (column.kind === "usd") return formatUsd(value);
  if (column.kind === "share") return formatShare(value);
  return value ?? NO_DATA;
}

/** Per account, OU or environment: sortable by any column (buttons in the headers), each row drilling to its cost rows. */
export function BreakdownTable({
  title,
  nameLabel,
  rows,
  workspace,
  table,
  filters,
}: {
  title: string;
  nameLabel: string;
  rows: BreakdownRow[];
  workspace: string;
  table: ExportTable;
  filters: FinOpsFilters;
}) {
  const [sort, setSort] = useState<{ key: Column["key"]; direction: SortDirection }>({
    key: "ec2Spend",
    direction: "descending",
  });
  const sorted = sortRows(rows, sort.key, sort.direction, sort.key !== "label");
  const toggle = (key: Column["key"]) =>
    setSort((current) => ({
      key,
      direction:
        current.key === key && current.direction === "descending" ? "ascending" : key === "label" ? "ascending" : "descending",
    }));
  return (
    <Card className="overflow-hidden">
      <CardHeader title={title} action={<ExportLinks workspace={workspace} table={table} filters={filters} label={title} />} />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No EC2 spend in this scope and period.</p>
      ) : (
        <Table caption={`${title}, sorted by ${columns.find((c) => c.key === sort.key)?.label} ${sort.direction}`}>
          <thead>
            <tr>
              {columns.map((column) => (
                <Th
                  key={column.key}
                  aria-sort={sort.key === column.key ? sort.direction : undefined}
                  className={column.kind === "text" ? undefined : "text-right"}
                >
                  <button
                    type="button"
                    onClick={() => toggle(column.key)}
                    className="inline-flex items-center gap-1 whitespace-nowrap uppercase focus-visible:outline-2 focus-visible:outline-slate-900"
                  >
                    {column.key === "label" ? nameLabel : column.label}
                    <span aria-hidden="true" className="text-slate-500">
                      {sort.key === column.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </Th>
              ))}
              <Th>
                <span className="sr-only">Cost rows</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {sorted.map((row) => (
              <tr key={row.key}>
                {columns.map((column) =>
                  column.kind === "text" ? (
                    <th key={column.key} scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                      {row.label}
                      {row.label !== row.key && <span className="block text-xs font-normal text-slate-600">{row.key}</span>}
                    </th>
                  ) : (
                    <Td
                      key={column.key}
                      className={`py-2 text-right whitespace-nowrap tabular-nums ${row[column.key] === null ? "text-slate-600 italic" : ""}`}
                    >
                      {cellText(row, column)}
                    </Td>
                  ),
                )}
                <Td className="py-2 text-right whitespace-nowrap">
                  <Link
                    href={rowsPath(workspace, row.drill, filters)}
                    className="text-sm font-medium text-sky-800 underline underline-offset-2"
                  >
                    Rows<span className="sr-only"> behind {row.label}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
