import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatUsd, monthLabel } from "./format";
import type { FocusTotal } from "./focus-totals";

const period = (value: string) => (/^\d{4}-\d{2}/.test(value) ? monthLabel(value.slice(0, 7)) : value);

export function FocusTotalsTable({ totals }: { totals: FocusTotal[] }) {
  return (
    <Table caption="Totals stored per billing period and sub-account">
      <thead>
        <tr>
          <Th>Billing period</Th>
          <Th>Sub-account</Th>
          <Th className="text-right">Rows</Th>
          <Th className="text-right">Billed cost</Th>
          <Th className="text-right">Effective cost</Th>
        </tr>
      </thead>
      <TBody>
        {totals.map((t) => (
          <tr key={`${t.billingPeriod}-${t.provider ?? ""}-${t.subAccountId ?? ""}`}>
            <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
              {period(t.billingPeriod)}
            </th>
            <Td className="py-2">
              {t.subAccountName ?? t.subAccountId ?? "No sub-account"}
              {t.subAccountName && t.subAccountId && <span className="block text-xs text-slate-600">{t.subAccountId}</span>}
              {(t.provider || t.billingAccountId) && (
                <span className="block text-xs text-slate-600">
                  {[t.provider, t.billingAccountId && `billing account ${t.billingAccountId}`].filter(Boolean).join(", ")}
                </span>
              )}
            </Td>
            <Td className="py-2 text-right tabular-nums">{t.rows ?? "No data"}</Td>
            <Td className="py-2 text-right tabular-nums">{formatUsd(t.billedCost)}</Td>
            <Td className="py-2 text-right tabular-nums">{formatUsd(t.effectiveCost)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
