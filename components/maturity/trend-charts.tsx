"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PracticeSummary, TrendPoint } from "./types";
import { utcDayLabel } from "./utc";

// The maturity trend on Recharts: a step line, because a level holds until the next evaluation
// changes it; a practice that did not apply on a day leaves a gap instead of a false zero.

const axisTick = { fill: "#64748b", fontSize: 11 };

const time = (point: TrendPoint) => new Date(point.evaluatedAt).getTime();

export function StageChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({ t: time(p), day: p.day, stage: p.stage }));
  return (
    <ResponsiveContainer width="100%" height={140}>
      <LineChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: -24 }} title="Organisation stage over time">
        <CartesianGrid stroke="#f1f5f9" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t: number) => utcDayLabel(new Date(t))}
          tick={axisTick}
          minTickGap={40}
        />
        <YAxis domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} interval={0} allowDecimals={false} tick={axisTick} />
        <Tooltip
          labelFormatter={(_, payload) => {
            const day = (payload[0]?.payload as { day?: string } | undefined)?.day;
            return day ? utcDayLabel(day) : "";
          }}
          formatter={(value) => [String(value), "Stage"]}
        />
        <Line type="stepAfter" dataKey="stage" stroke="#0284c7" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function Sparkline({ points, practiceId }: { points: TrendPoint[]; practiceId: PracticeSummary["id"] }) {
  const data = points.map((p) => ({ t: time(p), level: (p.levels[practiceId] ?? null) as number | null }));
  const lastIndex = data.findLastIndex((d) => d.level !== null);
  return (
    <div aria-hidden="true">
      <LineChart width={180} height={30} data={data} margin={{ top: 3, right: 3, bottom: 3, left: 3 }} accessibilityLayer={false}>
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} hide />
        <YAxis domain={[0, 4]} hide />
        <CartesianGrid stroke="#f1f5f9" vertical={false} horizontalValues={[0, 2, 4]} />
        <Line
          type="stepAfter"
          dataKey="level"
          stroke="#334155"
          strokeWidth={1.75}
          connectNulls={false}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; index?: number }) =>
            props.index === lastIndex && props.cx !== undefined && props.cy !== undefined ? (
              <circle key="last" cx={props.cx} cy={props.cy} r={2.5} className="fill-slate-900" />
            ) : (
              <g key={props.index} />
            )
          }
        />
      </LineChart>
    </div>
  );
}
