import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { plural } from "./labels";
import { LevelChip } from "./level-chip";
import { TrendData } from "./trend-data";
import type { Level, PracticeSummary, Trend as TrendHistory, TrendPoint } from "./types";
import { utcDayLabel, utcTimeLabel } from "./utc";

interface Series {
  t: number;
  value: number | null;
}

// A step line: a level holds until the next evaluation changes it. Gaps (practice not
// applicable then) break the line instead of drawing a false zero.
function stepPath(series: Series[], x: (t: number) => number, y: (v: number) => number): string {
  let path = "";
  let previous: Series | null = null;
  for (const point of series) {
    if (point.value === null) {
      previous = null;
      continue;
    }
    if (!previous) path += `M${x(point.t).toFixed(1)},${y(point.value).toFixed(1)}`;
    else path += `H${x(point.t).toFixed(1)}V${y(point.value).toFixed(1)}`;
    previous = point;
  }
  return path;
}

function scales(points: TrendPoint[], width: number, height: number, max: number, pad = 3) {
  const times = points.map((p) => new Date(p.evaluatedAt).getTime());
  const start = Math.min(...times);
  const span = Math.max(...times) - start || 1;
  return {
    times,
    x: (t: number) => pad + ((t - start) / span) * (width - 2 * pad),
    y: (v: number) => height - pad - (v / max) * (height - 2 * pad),
  };
}

function Sparkline({ points, practiceId }: { points: TrendPoint[]; practiceId: PracticeSummary["id"] }) {
  const width = 180;
  const height = 30;
  const { times, x, y } = scales(points, width, height, 4);
  const series = points.map((p, i) => ({ t: times[i]!, value: (p.levels[practiceId] ?? null) as number | null }));
  const last = [...series].reverse().find((s) => s.value !== null);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" className="overflow-visible">
      {[0, 2, 4].map((v) => (
        <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} className="stroke-slate-100" strokeWidth={1} />
      ))}
      <path d={stepPath(series, x, y)} fill="none" className="stroke-slate-700" strokeWidth={1.75} />
      {last && last.value !== null && <circle cx={x(last.t)} cy={y(last.value)} r={2.5} className="fill-slate-900" />}
    </svg>
  );
}

function StageChart({ points }: { points: TrendPoint[] }) {
  const width = 640;
  const height = 110;
  const { times, x, y } = scales(points, width, height, 5, 6);
  const series = points.map((p, i) => ({ t: times[i]!, value: p.stage as number }));
  return (
    <div className="flex gap-2">
      <div className="flex flex-col justify-between py-0.5 text-right text-[10px] leading-none text-slate-500" aria-hidden="true">
        {[5, 4, 3, 2, 1, 0].map((s) => (
          <span key={s}>{s}</span>
        ))}
      </div>
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-28 w-full" aria-hidden="true">
        {[0, 1, 2, 3, 4, 5].map((v) => (
          <line
            key={v}
            x1={0}
            x2={width}
            y1={y(v)}
            y2={y(v)}
            className="stroke-slate-100"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        <path
          d={stepPath(series, x, y)}
          fill="none"
          className="stroke-sky-600"
          strokeWidth={2.5}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </div>
  );
}

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
