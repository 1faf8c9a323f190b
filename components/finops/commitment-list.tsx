import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { CommitmentRow } from "~/server/finops/types";
import { formatQuantity, formatUsd, monthLabel } from "./format";

const day = (value: string | null) => (value ? monthLabel(value.slice(0, 10)) : "Unknown");

/** Reservations and Savings Plans, one a row: what they are, where, and when they end. */
export function CommitmentList({ rows, caption }: { rows: CommitmentRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Commitment</Th>
          <Th>Offering</Th>
          <Th className="text-right">Size</Th>
          <Th>Region</Th>
          <Th>Ends</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.commitmentId}>
            <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
              {row.kind === "ri" ? "Reserved Instance" : "Savings Plan"}
              <span className="block font-mono text-xs font-normal text-slate-600">{row.commitmentId}</span>
            </th>
            <Td className="py-2">{row.offering}</Td>
            <Td className="py-2 text-right whitespace-nowrap tabular-nums">
              {row.kind === "ri"
                ? `${formatQuantity(row.instanceCount === null ? null : String(row.instanceCount))} instances`
                : `${formatUsd(row.hourlyCommitment)}/hour`}
            </Td>
            <Td className="py-2">{row.region ?? "Any"}</Td>
            <Td className="py-2 whitespace-nowrap">
              {day(row.endsAt)}
              {row.daysLeft !== null && <span className="block text-xs text-slate-600">in {row.daysLeft} days</span>}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
