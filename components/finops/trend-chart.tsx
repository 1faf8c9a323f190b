"use client";

import { useId } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { TrendMonth } from "~/server/finops/types";
import { chartNumber, formatShare, formatUsd, monthLabel } from "./format";
import { architectureLabels, purchaseOptionLabels } from "./labels";
import { architectures, purchaseOptions } from "./trend-table";

export type TrendView = "architecture" | "purchase";

// Each series has a colour AND a pattern (bars) or a dash style and marker (lines), so the
// chart reads in greyscale too; the numbers themselves are in the table below it.
const barStyles = {
  graviton: { color: "#047857", pattern: "diagonal" },
  x86: { color: "#475569", pattern: "solid" },
  other: { color: "#a16207", pattern: "dots" },
  on_demand: { color: "#475569", pattern: "solid" },
  spot: { color: "#0369a1", pattern: "diagonal" },
  reserved: { color: "#7c3aed", pattern: "cross" },
  savings_plans: { color: "#a16207", pattern: "dots" },
} as const;

type SeriesKey = keyof typeof barStyles;

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {(Object.keys(barStyles) as SeriesKey[]).map((key) => {
        const { color, pattern } = barStyles[key];
        return (
          <pattern key={key} id={`${prefix}-${key}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={color} opacity={pattern === "solid" ? 1 : 0.55} />
            {pattern === "diagonal" && <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={color} strokeWidth="1.6" />}
            {pattern === "dots" && <circle cx="3" cy="3" r="1.4" fill="#1e293b" />}
            {pattern === "cross" && <path d="M0,3 H6 M3,0 V6" stroke="#1e293b" strokeWidth="1" />}
          </pattern>
        );
      })}
    </defs>
  );
}

type Row = Record<string, string | number | boolean | null>;

function chartRows(trend: TrendMonth[]): Row[] {
  return trend.map((month) => {
    const row: Row = { month: month.month, estimated: month.estimated };
    for (const a of architectures) {
      row[a] = chartNumber(month.byArchitecture[a]);
      row[`${a}Text`] = formatUsd(month.byArchitecture[a]);
    }
    for (const p of purchaseOptions) {
      row[p] = chartNumber(month.byPurchaseOption[p]);
      row[`${p}Text`] = formatUsd(month.byPurchaseOption[p]);
    }
    const percent = (share: string | null) => (share === null ? null : (chartNumber(share) ?? 0) * 100);
    row.gravitonShare = percent(month.gravitonShare);
    row.gravitonShareText = formatShare(month.gravitonShare);
    row.spotShare = percent(month.spotShare);
    row.spotShareText = formatShare(month.spotShare);
    row.realizedSavings = chartNumber(month.realizedSavings);
    row.realizedSavingsText = formatUsd(month.realizedSavings);
    return row;
  });
}

const tickMonth = (month: string, rows: Row[]) => {
  const estimated = rows.find((r) => r.month === month)?.estimated;
  return `${monthLabel(month, { short: true })}${estimated ? "*" : ""}`;
};

const thousands = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const compactUsd = (value: number) =>
  Math.abs(value) >= 1000 ? `$${thousands.format(value / 1000)}k` : `$${thousands.format(value)}`;

function tooltipText(value: unknown, name: unknown, item: { dataKey?: unknown; payload?: Row }): [string, string] {
  const key = typeof item.dataKey === "string" ? item.dataKey : "";
  const text = item.payload?.[`${key}Text`];
  return [typeof text === "string" ? text : String(value), String(name)];
}

const tooltipLabel = (label: unknown, rows: Row[]) => {
  const month = String(label);
  const estimated = rows.find((r) => r.month === month)?.estimated;
  return `${monthLabel(month)}${estimated ? " (estimated)" : ""}`;
};

const axisTick = { fill: "#475569", fontSize: 12 };

/** EC2 spend stacked by architecture or purchase option, with the Graviton and Spot shares as lines. */
export function SpendChart({
  trend,
  karpenterArrived,
  view,
}: {
  trend: TrendMonth[];
  karpenterArrived: string | null;
  view: TrendView;
}) {
  const prefix = useId().replace(/:/g, "");
  const rows = chartRows(trend);
  const keys: SeriesKey[] = view === "architecture" ? architectures : purchaseOptions;
  const label = (key: SeriesKey) =>
    key in architectureLabels
      ? architectureLabels[key as keyof typeof architectureLabels]
      : purchaseOptionLabels[key as keyof typeof purchaseOptionLabels];
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart
        data={rows}
        margin={{ top: 24, right: 8, bottom: 0, left: 0 }}
        title={`EC2 spend by ${view === "architecture" ? "architecture" : "purchase option"}, with Graviton and Spot shares; arrow keys move between months`}
      >
        <Patterns prefix={prefix} />
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="month" tickFormatter={(m: string) => tickMonth(m, rows)} tick={axisTick} interval="preserveStartEnd" />
        <YAxis yAxisId="usd" tickFormatter={compactUsd} tick={axisTick} width={52} />
        <YAxis
          yAxisId="share"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={axisTick}
          width={44}
        />
        <Tooltip formatter={tooltipText} labelFormatter={(l) => tooltipLabel(l, rows)} />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: "#334155" }} />
        {keys.map((key) => (
          <Bar
            key={key}
            yAxisId="usd"
            dataKey={key}
            name={label(key)}
            stackId="spend"
            fill={`url(#${prefix}-${key})`}
            stroke={barStyles[key].color}
            isAnimationActive={false}
          >
            {rows.map((row) => (
              <Cell
                key={String(row.month)}
                strokeDasharray={row.estimated ? "3 2" : undefined}
                stroke={row.estimated ? "#0f172a" : barStyles[key].color}
              />
            ))}
          </Bar>
        ))}
        <Line
          yAxisId="share"
          dataKey="gravitonShare"
          name="Graviton share (%)"
          stroke="#065f46"
          strokeWidth={2.5}
          dot={{ r: 3, fill: "#065f46" }}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          yAxisId="share"
          dataKey="spotShare"
          name="Spot share (%)"
          stroke="#0c4a6e"
          strokeWidth={2.5}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: "#fff", stroke: "#0c4a6e", strokeWidth: 2 }}
          isAnimationActive={false}
          connectNulls={false}
        />
        {karpenterArrived && (
          <ReferenceLine
            yAxisId="usd"
            x={karpenterArrived}
            stroke="#0f172a"
            strokeDasharray="2 3"
            label={{ value: "Karpenter arrives", position: "top", fill: "#0f172a", fontSize: 12 }}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Realized savings per month (all levers together). */
export function SavingsChart({ trend, karpenterArrived }: { trend: TrendMonth[]; karpenterArrived: string | null }) {
  const prefix = useId().replace(/:/g, "");
  const rows = chartRows(trend);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <ComposedChart
        data={rows}
        margin={{ top: 24, right: 52, bottom: 0, left: 0 }}
        title="Realized savings per month; arrow keys move between months"
      >
        <defs>
          <pattern id={`${prefix}-saved`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#047857" />
          </pattern>
        </defs>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="month" tickFormatter={(m: string) => tickMonth(m, rows)} tick={axisTick} interval="preserveStartEnd" />
        <YAxis tickFormatter={compactUsd} tick={axisTick} width={52} />
        <Tooltip formatter={tooltipText} labelFormatter={(l) => tooltipLabel(l, rows)} />
        <Bar dataKey="realizedSavings" name="Realized savings" fill={`url(#${prefix}-saved)`} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell
              key={String(row.month)}
              fillOpacity={row.estimated ? 0.5 : 1}
              stroke={row.estimated ? "#0f172a" : undefined}
              strokeDasharray={row.estimated ? "3 2" : undefined}
            />
          ))}
        </Bar>
        {karpenterArrived && (
          <ReferenceLine
            x={karpenterArrived}
            stroke="#0f172a"
            strokeDasharray="2 3"
            label={{ value: "Karpenter arrives", position: "top", fill: "#0f172a", fontSize: 12 }}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
