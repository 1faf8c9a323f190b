"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Card, CardHeader } from "~/components/ui/card";
import type { FinOpsFilters, TrendMonth } from "~/server/finops/types";
import { ExportLinks } from "./export-links";
import { monthLabel } from "./format";
import { FinOpsTrendData } from "./trend-data";
import type { TrendView } from "./trend-chart";

function ChartSkeleton({ height }: { height: number }) {
  return <div className="w-full animate-pulse rounded bg-slate-100" style={{ height }} aria-hidden="true" />;
}

// Recharts is large: the charts load after the page, with a placeholder of their size.
const SpendChart = dynamic(() => import("./trend-chart").then((m) => m.SpendChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={320} />,
});
const SavingsChart = dynamic(() => import("./trend-chart").then((m) => m.SavingsChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={200} />,
});

const views: { value: TrendView; label: string }[] = [
  { value: "architecture", label: "By architecture" },
  { value: "purchase", label: "By purchase option" },
];

export function TrendPanel({
  trend,
  karpenterArrived,
  workspace,
  filters,
}: {
  trend: TrendMonth[];
  karpenterArrived: string | null;
  workspace: string;
  filters: FinOpsFilters;
}) {
  const id = useId();
  const [view, setView] = useState<TrendView>("architecture");
  const first = trend[0];
  const last = trend[trend.length - 1];
  const hasEstimated = trend.some((m) => m.estimated);
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Trend over 13 months"
        description={
          first && last
            ? `${monthLabel(first.month)} to ${monthLabel(last.month)}${
                karpenterArrived ? `; Karpenter arrived in ${monthLabel(karpenterArrived)}` : "; no Karpenter node pools seen"
              }.`
            : "No months with EC2 cost data yet."
        }
        action={
          <div className="flex flex-wrap items-center gap-3">
            <fieldset className="flex gap-1 rounded-md border border-slate-300 p-0.5">
              <legend className="sr-only">Stack EC2 spend</legend>
              {views.map((option) => (
                <label
                  key={option.value}
                  className="cursor-pointer rounded px-2.5 py-1 text-sm text-slate-700 has-checked:bg-slate-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-slate-900"
                >
                  <input
                    type="radio"
                    name={`${id}-view`}
                    value={option.value}
                    checked={view === option.value}
                    onChange={() => setView(option.value)}
                    className="sr-only"
                  />
                  {option.label}
                </label>
              ))}
            </fieldset>
            <ExportLinks workspace={workspace} table="trend" filters={filters} label="the trend" />
          </div>
        }
      />
      {first && (
        <div className="space-y-6 px-5 py-4">
          <figure>
            <figcaption className="mb-2 text-sm font-medium text-slate-800">
              EC2 spend {view === "architecture" ? "by architecture" : "by purchase option"}, with the Graviton share (solid line)
              and Spot share (dashed line) on the right axis
            </figcaption>
            <SpendChart trend={trend} karpenterArrived={karpenterArrived} view={view} />
          </figure>
          <figure>
            <figcaption className="mb-2 text-sm font-medium text-slate-800">Realized savings per month, all levers</figcaption>
            <SavingsChart trend={trend} karpenterArrived={karpenterArrived} />
          </figure>
          {hasEstimated && (
            <p className="text-xs text-slate-600">
              * Estimated month (dashed outline): AWS has not finalised its costs and may still revise them.
            </p>
          )}
        </div>
      )}
      <FinOpsTrendData trend={trend} karpenterArrived={karpenterArrived} />
    </Card>
  );
}
