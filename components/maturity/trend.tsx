"use client";

import dynamic from "next/dynamic";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { plural } from "./labels";
import { LevelChip } from "./level-chip";
import { TrendData } from "./trend-data";
import type { Level, PracticeSummary, Trend as TrendHistory } from "./types";
import { utcDayLabel, utcTimeLabel } from "./utc";

function ChartSkeleton({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-100 ${className}`} aria-hidden="true" />;
}

// Recharts loads after the page, in the space the chart will take.
const StageChart = dynamic(() => import("./trend-charts").then((m) => m.StageChart), {
  ssr: false,
  loading: () => <ChartSkeleton className="h-[140px] w-full" />,
});
const Sparkline = dynamic(() => import("./trend-charts").then((m) => m.Sparkline), {
  ssr: false,
  loading: () => <ChartSkeleton className="h-[30px] w-[180px]" />,
});

export function Trend({ trend, practices }: { trend: TrendHistory; practices: PracticeSummary[] }) {
  const { points } = trend;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) {
    return (
      <Card>
        <CardHeader title="Trend" description={<TooFew trend={trend} />} />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Trend"
        description={
          <>
            {plural(trend.evaluations, "evaluation")} on {plural(points.length, "day")}, {utcDayLabel(first.day)} to{" "}
            {utcDayLabel(last.day)}. Days are UTC days; the chart plots the last evaluation of each.
          </>
        }
      />
      <figure className="px-5 py-4">
        <figcaption className="mb-2 text-sm font-medium text-slate-800">
          Organisation stage over time
          <span className="sr-only">
            : from {first.stage} on {utcDayLabel(first.day)} to {last.stage} on {utcDayLabel(last.day)}. Every point is in the
            trend table below the chart.
          </span>
        </figcaption>
        <StageChart points={points} />
      </figure>
      <TrendData trend={trend} practices={practices} />
      <Table caption="Practice levels over time">
        <thead>
          <tr>
            <Th>Practice</Th>
            <Th>
              Level over time (0–4)<span className="sr-only">, drawn; each day&apos;s level is in the trend table</span>
            </Th>
            <Th className="text-right">First → now</Th>
          </tr>
        </thead>
        <TBody>
          {practices.map((practice) => (
            <tr key={practice.id}>
              <Td className="py-2 text-sm font-medium text-slate-900">{practice.title}</Td>
              <Td className="py-2">
                <Sparkline points={points} practiceId={practice.id} />
              </Td>
              <Td className="py-2 text-right whitespace-nowrap">
                <span className="inline-flex items-center gap-1.5">
                  <LevelChip level={(first.levels[practice.id] ?? null) as Level | null} />
                  <span className="text-slate-500" aria-label="to">
                    →
                  </span>
                  <LevelChip level={practice.level} />
                </span>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}

/** Fewer than two days to draw: say how many evaluations there were, counted as the panel counts. */
function TooFew({ trend }: { trend: TrendHistory }) {
  const point = trend.points[0];
  if (trend.evaluations === 0) return <>No evaluations in this period.</>;
  if (!point) return <>{plural(trend.evaluations, "evaluation")} in this period, none with an account in this scope.</>;
  return (
    <>
      {trend.evaluations === 1 ? "One evaluation so far" : `${plural(trend.evaluations, "evaluation")} so far`}, all on{" "}
      {utcDayLabel(point.day)} (UTC), the latest at {utcTimeLabel(point.evaluatedAt)}. The chart plots the last evaluation of each
      UTC day, so it draws a line once evaluations ran on two different days.
    </>
  );
}
