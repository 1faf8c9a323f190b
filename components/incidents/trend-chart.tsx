"use client";

import { useId } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeverityKey } from "~/server/incidents/types";
import { formatDuration, severityLabels } from "./format";
import type { ChartRow } from "./trend-rows";

// Two charts on one time axis (same buckets, margins and axis widths, tooltips in sync): the
// incidents by severity with time to restore, and the deployments per bucket; the events lane
// between them (events-lane.tsx) lines its markers up with the same buckets. Every series
// has a pattern or a dash style besides its colour; the table below the chart has every number.

const severityStyles: Record<SeverityKey, { color: string; pattern: "solid" | "diagonal" | "dots" | "cross" | "hollow" }> = {
  critical: { color: "#991b1b", pattern: "solid" },
  high: { color: "#c2410c", pattern: "diagonal" },
  medium: { color: "#a16207", pattern: "dots" },
  low: { color: "#0369a1", pattern: "cross" },
  none: { color: "#475569", pattern: "hollow" },
  unknown: { color: "#64748b", pattern: "dots" },
};

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {(Object.keys(severityStyles) as SeverityKey[]).map((key) => {
        const { color, pattern } = severityStyles[key];
        return (
          <pattern key={key} id={`${prefix}-${key}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={pattern === "hollow" ? "#fff" : color} opacity={pattern === "solid" ? 1 : 0.55} />
            {pattern === "diagonal" && <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={color} strokeWidth="1.6" />}
            {pattern === "dots" && <circle cx="3" cy="3" r="1.4" fill="#1e293b" />}
            {pattern === "cross" && <path d="M0,3 H6 M3,0 V6" stroke="#1e293b" strokeWidth="1" />}
          </pattern>
        );
      })}
    </defs>
  );
}

const axisTick = { fill: "#475569", fontSize: 12 };
const margin = { top: 8, right: 8, bottom: 0, left: 0 };
/** The axes' widths: the events lane lines its markers up with the bars through these. */
export const LEFT = 44;
export const RIGHT = 52;

const legendText = (value: unknown) => <span style={{ color: "#334155" }}>{String(value)}</span>;

const shortLabel = (rows: ChartRow[]) => (start: string) => rows.find((r) => r.start === start)?.label ?? start;

function tooltipText(value: unknown, name: unknown, item: { dataKey?: unknown }): [string, string] {
  const key = typeof item.dataKey === "string" ? item.dataKey : "";
  if (key.startsWith("restore") && typeof value === "number") return [formatDuration(value * 3600), String(name)];
  return [value === null || value === undefined ? "No data" : String(value), String(name)];
}

export function IncidentsChart({ rows, severities }: { rows: ChartRow[]; severities: SeverityKey[] }) {
  const prefix = useId().replace(/:/g, "");
  const label = shortLabel(rows);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        data={rows}
        syncId="incidents-trend"
        margin={margin}
        title="Incidents per bucket by severity, with the median and p90 time to restore in hours"
      >
        <Patterns prefix={prefix} />
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="start" tickFormatter={label} tick={axisTick} interval="preserveStartEnd" />
        <YAxis yAxisId="count" allowDecimals={false} tick={axisTick} width={LEFT} />
        <YAxis
          yAxisId="hours"
          orientation="right"
          domain={[0, (max: number) => Math.max(1, Math.ceil(max))]}
          tick={axisTick}
          width={RIGHT}
          tickFormatter={(v: number) => `${v} h`}
        />
        <Tooltip formatter={tooltipText} labelFormatter={(l) => `${label(String(l))} (UTC)`} />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
        {severities.map((key) => (
          <Bar
            key={key}
            yAxisId="count"
            dataKey={key}
            name={severityLabels[key]}
            stackId="incidents"
            fill={`url(#${prefix}-${key})`}
            stroke={severityStyles[key].color}
            isAnimationActive={false}
          />
        ))}
        <Line
          yAxisId="hours"
          dataKey="restoreMedianHours"
          name="Median time to restore (h)"
          stroke="#0f172a"
          strokeWidth={2.5}
          dot={{ r: 3, fill: "#0f172a" }}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          yAxisId="hours"
          dataKey="restoreP90Hours"
          name="p90 time to restore (h)"
          stroke="#6d28d9"
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: "#fff", stroke: "#6d28d9", strokeWidth: 2 }}
          isAnimationActive={false}
          connectNulls={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function DeploymentsChart({ rows }: { rows: ChartRow[] }) {
  const label = shortLabel(rows);
  return (
    <ResponsiveContainer width="100%" height={170}>
      <ComposedChart
        data={rows}
        syncId="incidents-trend"
        margin={margin}
        title="Deployments per bucket, with the failed and rolled back ones, and chaos experiments run"
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="start" tickFormatter={label} tick={axisTick} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={axisTick} width={LEFT} />
        <YAxis yAxisId="right" orientation="right" tick={false} axisLine={false} width={RIGHT} />
        <Tooltip formatter={tooltipText} labelFormatter={(l) => `${label(String(l))} (UTC)`} />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
        <Bar dataKey="deployments" name="Deployments" fill="#cbd5e1" stroke="#475569" isAnimationActive={false} />
        <Line
          dataKey="failedDeployments"
          name="Failed"
          stroke="#b91c1c"
          strokeWidth={2}
          dot={{ r: 3, fill: "#b91c1c" }}
          isAnimationActive={false}
        />
        <Line
          dataKey="rolledBack"
          name="Rolled back"
          stroke="#c2410c"
          strokeWidth={2}
          strokeDasharray="4 3"
          dot={{ r: 3, fill: "#fff", stroke: "#c2410c", strokeWidth: 2 }}
          isAnimationActive={false}
        />
        <Line
          dataKey="experiments"
          name="Chaos experiments run"
          stroke="#0369a1"
          strokeWidth={2}
          strokeDasharray="1 3"
          dot={{ r: 3, fill: "#0369a1" }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
