import { Badge } from "~/components/ui/badge";
import { cn } from "~/components/ui/cn";
import type { DoraFigure } from "~/server/incidents/types";
import { bandLabel, bandTones, formatDuration, formatFrequency, formatPercent, NO_DATA } from "./format";

export type DoraKey = "deploymentFrequency" | "leadTime" | "changeFailureRate" | "recoveryTime";

export const doraKeys: { key: DoraKey; label: string }[] = [
  { key: "deploymentFrequency", label: "Deployment frequency" },
  { key: "leadTime", label: "Lead time for changes" },
  { key: "changeFailureRate", label: "Change failure rate" },
  { key: "recoveryTime", label: "Failed deployment recovery time" },
];

/** The figure as text: the value in its unit, and the p90 or interval beside it where there is one. */
export function doraValue(key: DoraKey, figure: DoraFigure): { value: string; extra: string | null } {
  if (figure.value === null) return { value: NO_DATA, extra: null };
  if (key === "deploymentFrequency") return { value: formatFrequency(figure.value), extra: null };
  if (key === "changeFailureRate") {
    const interval = figure.interval
      ? `95% interval ${formatPercent(figure.interval.low)}–${formatPercent(figure.interval.high)}`
      : null;
    return { value: formatPercent(figure.value), extra: interval };
  }
  const p90 = figure.p90 === undefined || figure.p90 === null ? null : `p90 ${formatDuration(figure.p90)}`;
  return { value: `${formatDuration(figure.value)} median`, extra: p90 };
}

/** The band badge ("2024 DORA: high"), or why there is none. */
export function BandBadge({ figure }: { figure: DoraFigure }) {
  if (figure.band) {
    return (
      <span title={`Threshold: ${figure.band.threshold}`}>
        <Badge tone={bandTones[figure.band.label]}>{bandLabel(figure.band)}</Badge>
      </span>
    );
  }
  return <Badge tone="neutral">{figure.value === null ? "No band: no data" : "Too few for a band"}</Badge>;
}

/** Value, band, and behind a disclosure the definition, the inputs and the note. */
export function DoraFigureView({
  doraKey,
  label,
  figure,
  size = "lg",
}: {
  doraKey: DoraKey;
  label: string;
  figure: DoraFigure;
  size?: "lg" | "sm";
}) {
  const { value, extra } = doraValue(doraKey, figure);
  return (
    <div className="space-y-1.5">
      <span
        className={cn(
          "block font-semibold tabular-nums",
          size === "lg" ? "text-xl" : "text-sm",
          figure.value === null ? "text-slate-600 italic" : "text-slate-900",
        )}
      >
        {value}
      </span>
      {extra && <span className="block text-xs text-slate-600">{extra}</span>}
      <span className="block text-xs text-slate-600">n = {figure.n}</span>
      <BandBadge figure={figure} />
      {size === "lg" && figure.note && <p className="text-xs text-slate-700">{figure.note}</p>}
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-sky-800 underline-offset-2 hover:underline">
          How this is computed<span className="sr-only">: {label}</span>
        </summary>
        <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-3 text-xs text-slate-700">
          <p className="font-medium text-slate-900">{figure.definition}</p>
          {figure.inputs.length > 0 && (
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
              {figure.inputs.map((input) => (
                <div key={input.label} className="contents">
                  <dt>{input.label}</dt>
                  <dd className="text-right text-slate-900 tabular-nums">{input.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {figure.band && (
            <p>
              Band threshold ({figure.band.year} DORA report): {figure.band.threshold}.
            </p>
          )}
          {figure.note && <p>{figure.note}</p>}
        </div>
      </details>
    </div>
  );
}
