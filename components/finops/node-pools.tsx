import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { FinOpsFilters, NodePoolRow } from "~/server/finops/types";
import { ExportLinks } from "./export-links";
import { formatShare, formatUsd } from "./format";
import { rowsPath } from "./paths";

export const NOT_KARPENTER = "Not managed by Karpenter";

const numeric = (value: string | null) =>
  `py-2 text-right whitespace-nowrap tabular-nums ${value === null ? "text-slate-600 italic" : ""}`;

export function NodePoolsTable({ rows, workspace, filters }: { rows: NodePoolRow[]; workspace: string; filters: FinOpsFilters }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Karpenter node pools"
        description="EC2 spend per karpenter.sh/nodepool tag; spend without the tag is not managed by Karpenter."
        action={<ExportLinks workspace={workspace} table="nodepools" filters={filters} label="Karpenter node pools" />}
      />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No node-pool cost rows in this period.</p>
      ) : (
        <Table caption="EC2 spend, Spot share, Graviton share and realized Spot savings per Karpenter node pool">
          <thead>
            <tr>
              <Th>Node pool</Th>
              <Th className="text-right">Spend</Th>
              <Th className="text-right">Spot share</Th>
              <Th className="text-right">Graviton share</Th>
              <Th className="text-right">Realized Spot savings</Th>
              <Th>
                <span className="sr-only">Cost rows</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {rows.map((row) => {
              const name = row.nodePool === "" ? NOT_KARPENTER : row.nodePool;
              return (
                <tr key={row.nodePool}>
                  <th
                    scope="row"
                    className={`px-4 py-2 text-left font-medium ${row.nodePool === "" ? "text-slate-700 italic" : "text-slate-900"}`}
                  >
                    {name}
                  </th>
                  <Td className={numeric(row.spend)}>{formatUsd(row.spend)}</Td>
                  <Td className={numeric(row.spotShare)}>{formatShare(row.spotShare)}</Td>
                  <Td className={numeric(row.gravitonShare)}>{formatShare(row.gravitonShare)}</Td>
                  <Td className={numeric(row.realizedSpotSavings)}>{formatUsd(row.realizedSpotSavings)}</Td>
                  <Td className="py-2 text-right">
                    <Link
                      href={rowsPath(workspace, row.drill, filters)}
                      className="text-sm font-medium text-sky-800 underline underline-offset-2"
                    >
                      Rows<span className="sr-only"> behind {name}</span>
                    </Link>
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
