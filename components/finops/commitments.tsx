import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { FinOpsFilters, FinOpsOverview, RecommendationRow } from "~/server/finops/types";
import { CommitmentList } from "./commitment-list";
import { ExportLinks } from "./export-links";
import { formatShare, formatUsd, monthLabel } from "./format";

const cell = (value: string | null) =>
  `py-2 text-right whitespace-nowrap tabular-nums ${value === null ? "text-slate-600 italic" : ""}`;

const words: Record<string, string> = {
  COMPUTE_SP: "Compute Savings Plan",
  EC2_INSTANCE_SP: "EC2 Instance Savings Plan",
  ONE_YEAR: "1 year",
  THREE_YEARS: "3 years",
  NO_UPFRONT: "no upfront",
  PARTIAL_UPFRONT: "partial upfront",
  ALL_UPFRONT: "all upfront",
};
const word = (value: string) => words[value] ?? value;

function Recommendations({ rows }: { rows: RecommendationRow[] }) {
  if (rows.length === 0) return <p className="px-5 py-3 text-sm text-slate-600">Cost Explorer has no purchase recommendation.</p>;
  return (
    <Table caption="Savings Plans purchase recommendations from Cost Explorer, with its own estimate">
      <thead>
        <tr>
          <Th>Recommendation</Th>
          <Th className="text-right">Commitment</Th>
          <Th className="text-right">Cost Explorer&apos;s estimated savings</Th>
          <Th>Basis</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={`${row.savingsPlansType}-${row.termInYears}-${row.paymentOption}`}>
            <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
              {word(row.savingsPlansType)}, {word(row.termInYears)}, {word(row.paymentOption)}
              <span className="block text-xs font-normal text-slate-600">looking back {row.lookbackDays} days</span>
            </th>
            <Td className={cell(row.hourlyCommitment)}>
              {row.hourlyCommitment === null
                ? "No data"
                : Number(row.hourlyCommitment) === 0
                  ? "None: nothing more to buy"
                  : `${formatUsd(row.hourlyCommitment)}/hour`}
            </Td>
            <Td className={cell(row.estimatedMonthlySavings)}>
              {row.estimatedMonthlySavings === null ? "No data" : `${formatUsd(row.estimatedMonthlySavings)}/month`}
              {row.estimatedSavingsPercentage !== null && (
                <span className="block text-xs text-slate-600">
                  {formatShare(row.estimatedSavingsPercentage)} of the covered spend
                </span>
              )}
            </Td>
            <Td className="py-2">
              <Badge>Cost Explorer</Badge>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

// Utilisation (how much of what was bought was used) and coverage (how much of the usage was
// bought), per month; what is ending soon; and what Cost Explorer would buy.
export function CommitmentsPanel({
  commitments,
  workspace,
  filters,
}: {
  commitments: FinOpsOverview["commitments"];
  workspace: string;
  filters: FinOpsFilters;
}) {
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Commitments"
        description="Reserved Instances and Savings Plans: utilisation, coverage and unused dollars per month."
        action={<ExportLinks workspace={workspace} table="commitments" filters={filters} label="commitments" />}
      />
      <Table caption="Reserved Instance and Savings Plans utilisation, coverage and unused cost per month">
        <thead>
          <tr>
            <Th>Month</Th>
            <Th className="text-right">RI utilisation</Th>
            <Th className="text-right">RI coverage</Th>
            <Th className="text-right">RI unused</Th>
            <Th className="text-right">SP utilisation</Th>
            <Th className="text-right">SP coverage</Th>
            <Th className="text-right">SP unused</Th>
          </tr>
        </thead>
        <TBody>
          {commitments.months.map((m) => (
            <tr key={m.month}>
              <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                {monthLabel(m.month)}
              </th>
              <Td className={cell(m.riUtilisation)}>{formatShare(m.riUtilisation)}</Td>
              <Td className={cell(m.riCoverage)}>{formatShare(m.riCoverage)}</Td>
              <Td className={cell(m.riUnused)}>{formatUsd(m.riUnused)}</Td>
              <Td className={cell(m.spUtilisation)}>{formatShare(m.spUtilisation)}</Td>
              <Td className={cell(m.spCoverage)}>{formatShare(m.spCoverage)}</Td>
              <Td className={cell(m.spUnused)}>{formatUsd(m.spUnused)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <h3 className="border-t border-slate-200 px-5 pt-4 pb-2 text-sm font-semibold text-slate-900">
        Expiring in the next 90 days
      </h3>
      {commitments.expiring.length === 0 ? (
        <p className="px-5 pb-4 text-sm text-slate-600">Nothing ends in the next 90 days.</p>
      ) : (
        <CommitmentList rows={commitments.expiring} caption="Commitments ending in the next 90 days" />
      )}
      <h3 className="border-t border-slate-200 px-5 pt-4 pb-2 text-sm font-semibold text-slate-900">
        Purchase recommendations (potential)
      </h3>
      <Recommendations rows={commitments.recommendations} />
    </Card>
  );
}
