import type { Architecture, PurchaseOption, TrendMonth } from "~/server/finops/types";
import { formatShare, formatUsd, monthLabel } from "./format";
import { architectureLabels, purchaseOptionLabels } from "./labels";

// The trend chart's text alternative: every plotted number of every month, as the chart draws
// it, with the estimated months and the month Karpenter arrived said in words.

export const architectures: Architecture[] = ["graviton", "x86", "other"];
export const purchaseOptions: PurchaseOption[] = ["on_demand", "spot", "reserved", "savings_plans"];

export interface FinOpsTrendTable {
  caption: string;
  columns: string[];
  rows: Array<{ key: string; month: string; note: string; cells: string[] }>;
}

export function monthNote(month: TrendMonth, karpenterArrived: string | null): string {
  const notes = [month.estimated ? "Estimated" : "", month.month === karpenterArrived ? "Karpenter arrives" : ""];
  return notes.filter(Boolean).join("; ");
}

export function finopsTrendTable(trend: TrendMonth[], karpenterArrived: string | null): FinOpsTrendTable {
  const first = trend[0];
  const last = trend[trend.length - 1];
  return {
    caption:
      first && last
        ? `EC2 spend by architecture and purchase option, Graviton and Spot shares and realized savings, ${monthLabel(first.month)} to ${monthLabel(last.month)}`
        : "EC2 spend by month: no months with cost data",
    columns: [
      ...architectures.map((a) => `${architectureLabels[a]} spend`),
      ...purchaseOptions.map((p) => `${purchaseOptionLabels[p]} spend`),
      "Graviton share",
      "Spot share",
      "Realized savings",
    ],
    rows: trend.map((month) => ({
      key: month.month,
      month: monthLabel(month.month),
      note: monthNote(month, karpenterArrived),
      cells: [
        ...architectures.map((a) => formatUsd(month.byArchitecture[a])),
        ...purchaseOptions.map((p) => formatUsd(month.byPurchaseOption[p])),
        formatShare(month.gravitonShare),
        formatShare(month.spotShare),
        formatUsd(month.realizedSavings),
      ],
    })),
  };
}
