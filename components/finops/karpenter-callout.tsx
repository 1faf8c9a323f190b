import type { KarpenterRiCallout as Callout } from "~/server/finops/types";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { CommitmentList } from "./commitment-list";
import { formatQuantity, formatShare, formatUsd, monthLabel } from "./format";

// The seed's gotcha: node pools moved to Karpenter (and Spot, and Graviton) while Reserved
// Instances bought for the old fleet kept billing, unused.
export function KarpenterRiCallout({ callout }: { callout: Callout }) {
  return (
    <section aria-labelledby="karpenter-ri-title" className="rounded-lg border border-amber-300 bg-amber-50">
      <div className="px-5 py-4">
        <h2 id="karpenter-ri-title" className="text-base font-semibold text-amber-950">
          <span aria-hidden="true">⚠ </span>Karpenter arrived while Reserved Instances sit unused
        </h2>
        <p className="mt-1 text-sm text-amber-950">
          Since {monthLabel(callout.karpenterSince)}, when spend tagged karpenter.sh/nodepool first appeared,{" "}
          <strong className="font-semibold">{formatUsd(callout.totalUnusedRiCost)}</strong> of reserved hours went unused.
          Karpenter picks instance types and purchase options freely, so reservations bought for the old fleet no longer match it.
        </p>
      </div>
      <div className="divide-y divide-slate-200 rounded-b-lg border-t border-amber-200 bg-white">
        <Table caption="Unused Reserved Instance cost per month since Karpenter arrived">
          <thead>
            <tr>
              <Th>Month</Th>
              <Th className="text-right">Unused RI cost</Th>
              <Th className="text-right">Unused hours</Th>
              <Th className="text-right">Utilisation</Th>
            </tr>
          </thead>
          <TBody>
            {callout.months.map((month) => (
              <tr key={month.month}>
                <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                  {monthLabel(month.month)}
                </th>
                <Td className="py-2 text-right tabular-nums">{formatUsd(month.unusedRiCost)}</Td>
                <Td className="py-2 text-right tabular-nums">{formatQuantity(month.unusedRiHours)}</Td>
                <Td className="py-2 text-right tabular-nums">{formatShare(month.utilisation)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
        <div>
          <h3 className="px-4 pt-3 text-sm font-semibold text-slate-900">The reservations involved</h3>
          <CommitmentList rows={callout.reservations} caption="Reserved Instances with unused hours since Karpenter arrived" />
        </div>
      </div>
    </section>
  );
}
