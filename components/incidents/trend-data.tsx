import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { TrendBucket } from "~/server/incidents/types";
import { type PlacedAnnotation, trendTable } from "./trend-rows";

/** Every plotted number as a table, behind a disclosure: the charts' text alternative. */
export function TrendData({
  buckets,
  placed,
  bucket,
}: {
  buckets: TrendBucket[];
  placed: PlacedAnnotation[];
  bucket: "week" | "month";
}) {
  const table = trendTable(buckets, placed, bucket);
  return (
    <details className="group border-t border-slate-200">
      <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-700">
        <span className="group-open:hidden">Show as a table</span>
        <span className="hidden group-open:inline">Hide the table</span>
      </summary>
      <Table caption={table.caption} className="border-t border-slate-200">
        <thead>
          <tr>
            <Th className="whitespace-nowrap normal-case">{bucket === "week" ? "Week (UTC)" : "Month (UTC)"}</Th>
            {table.columns.map((column) => (
              <Th key={column} className="text-right whitespace-nowrap normal-case">
                {column}
              </Th>
            ))}
            <Th className="normal-case">Events</Th>
          </tr>
        </thead>
        <TBody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <Td key={table.columns[i]} className="py-2 text-right whitespace-nowrap tabular-nums">
                  {cell}
                </Td>
              ))}
              <Td className="min-w-64 py-2 text-xs">{row.events}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </details>
  );
}
