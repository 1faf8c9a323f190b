"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useId } from "react";
import { Card, CardHeader } from "~/components/ui/card";
import type { IncidentsOverview } from "~/server/incidents/types";
import { chartRows, placeAnnotations, presentSeverities } from "./trend-rows";
import { EventsLane, MarkerIcon } from "./events-lane";
import { TrendData } from "./trend-data";
import { annotationKindLabels } from "./trend-rows";

function ChartSkeleton({ height }: { height: number }) {
  return <div className="w-full animate-pulse rounded bg-slate-100" style={{ height }} aria-hidden="true" />;
}

// Recharts is large: the charts load after the page, with a placeholder of their size.
const IncidentsChart = dynamic(() => import("./trend-chart").then((m) => m.IncidentsChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={300} />,
});
const DeploymentsChart = dynamic(() => import("./trend-chart").then((m) => m.DeploymentsChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={170} />,
});

function MarkerKey() {
  const item = (
    kind: "deployment" | "experiment" | "maturity",
    status: string,
    tone: "good" | "bad" | "neutral",
    text: string,
  ) => (
    <li className="flex items-center gap-1.5">
      <MarkerIcon kind={kind} status={status} tone={tone} />
      {text}
    </li>
  );
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="What the markers mean">
      {item("deployment", "failed", "bad", "Deployment failed or rolled back")}
      {item("deployment", "succeeded", "neutral", "Deployment (canary arrival)")}
      {item("experiment", "completed", "neutral", "Chaos experiment (red: stopped or failed)")}
      {item("maturity", "up", "good", "Maturity level up")}
      {item("maturity", "down", "bad", "Maturity level down")}
    </ul>
  );
}

export function TrendPanel({ overview }: { overview: IncidentsOverview }) {
  const { buckets, filters, annotations } = overview;
  const rows = chartRows(buckets);
  const severities = presentSeverities(buckets);
  const placed = placeAnnotations(buckets, annotations, filters.to);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const per = filters.bucket === "week" ? "week" : "month";
  const id = useId().replace(/:/g, "");
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Incidents over time, with deployments, chaos experiments and maturity changes"
        description={
          first && last
            ? `Per ${per}, ${first.label} to ${last.label}. Incidents count in the ${per} they started; time to restore is start to resolved.`
            : "No buckets in this range."
        }
      />
      {first && (
        <div className="space-y-1 px-5 py-4">
          <figure>
            <figcaption className="mb-2 text-sm font-medium text-slate-800">
              Incidents per {per} by severity (bars, left axis), median time to restore (solid line) and p90 (dashed line) in
              hours on the right axis
            </figcaption>
            <IncidentsChart rows={rows} severities={severities} />
          </figure>
          <figure>
            <figcaption className="mt-3 mb-1 text-sm font-medium text-slate-800">
              Events in each {per}, on the same axis: each marker opens its event ({placed.length} in range
              {overview.annotationsLeftOut ? `; ${overview.annotationsLeftOut} older ones left out` : ""})
            </figcaption>
            <EventsLane starts={buckets.map((b) => b.start)} placed={placed} listId={`${id}-events`} />
            <MarkerKey />
          </figure>
          <figure>
            <figcaption className="mt-3 mb-2 text-sm font-medium text-slate-800">
              Deployments per {per} (bars), failed and rolled back (lines), chaos experiments run (dotted line)
            </figcaption>
            <DeploymentsChart rows={rows} />
          </figure>
          <p className="pt-2 text-xs text-slate-600">
            Buckets are UTC {per === "week" ? "weeks starting on Monday" : "calendar months"}; deployments count in the {per} they
            finished.
          </p>
        </div>
      )}
      {placed.length > 0 && (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-sky-800 underline-offset-2 hover:underline">
            List the {placed.length} events
          </summary>
          <ol id={`${id}-events`} className="space-y-1 px-5 pb-4 text-sm">
            {placed.map(({ annotation }) => (
              <li key={`${annotation.kind}-${annotation.id}`}>
                <span className="text-slate-600">{annotation.at.slice(0, 10)} · </span>
                <span className="text-slate-600">{annotationKindLabels[annotation.kind]}: </span>
                <Link href={annotation.href} className="font-medium text-sky-800 underline underline-offset-2">
                  {annotation.title}
                </Link>
                {annotation.detail && <span className="text-slate-600"> — {annotation.detail}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      <TrendData buckets={buckets} placed={placed} bucket={per} />
    </Card>
  );
}
