import type { SourceInfo } from "~/server/finops/types";
import { formatUsd } from "./format";

const sourceNames: Record<SourceInfo["kind"], string> = {
  "cost-explorer": "Cost Explorer",
  focus: "FOCUS export",
  mixed: "FOCUS and Cost Explorer",
  none: "No cost data",
};

/** Where the AWS figures come from; other providers' FOCUS totals are listed apart, never mixed in. */
export function SourceLine({ source }: { source: SourceInfo }) {
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        <span className="font-medium text-slate-900">Source: {sourceNames[source.kind]}.</span> {source.note}
      </p>
      {source.otherProviders.length > 0 && (
        <p>
          Other providers, kept apart from these AWS figures:{" "}
          {source.otherProviders.map((p, i) => (
            <span key={p.provider}>
              {i > 0 && "; "}
              {p.provider} {formatUsd(p.effectiveCost)} effective ({formatUsd(p.billedCost)} billed)
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
