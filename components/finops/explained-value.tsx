import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/components/ui/cn";
import type { Explained, FinOpsFilters } from "~/server/finops/types";
import { NO_DATA } from "./format";
import { basisLabel, formatExplained, formatInput, isFallback } from "./labels";
import { rowsPath } from "./paths";

export function BasisBadges({ explained }: { explained: Explained }) {
  if (!explained.basis.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Based on">
      {explained.basis.map((basis) => (
        <li key={basis}>
          <Badge tone={isFallback(basis) ? "amber" : "neutral"}>{basisLabel(basis, explained.pricesFetchedAt)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** The formula, inputs and assumptions behind a number, behind a disclosure, with the rows it came from. */
export function HowComputed({
  label,
  explained,
  workspace,
  filters,
}: {
  label: string;
  explained: Explained;
  workspace: string;
  filters: FinOpsFilters;
}) {
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
        How this is computed<span className="sr-only">: {label}</span>
      </summary>
      <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-3 text-slate-700">
        <p className="font-medium text-slate-900">{explained.formula}</p>
        {explained.inputs.length > 0 && (
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {explained.inputs.map((input) => (
              <div key={input.label} className="contents">
                <dt>{input.label}</dt>
                <dd className={cn("text-right tabular-nums", input.value === null ? "text-slate-600 italic" : "text-slate-900")}>
                  {formatInput(input)}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {explained.assumptions.length > 0 && (
          <div>
            <p className="font-medium text-slate-900">Assumptions</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {explained.assumptions.map((assumption) => (
                <li key={assumption}>{assumption}</li>
              ))}
            </ul>
          </div>
        )}
        <BasisBadges explained={explained} />
        {explained.drill && (
          <Link
            href={rowsPath(workspace, explained.drill, filters)}
            className="inline-block font-medium text-sky-800 underline underline-offset-2"
          >
            See the cost rows<span className="sr-only"> behind {label}</span>
          </Link>
        )}
      </div>
    </details>
  );
}

/** A headline figure: its value ("No data" for null, never $0), and how it was computed. */
export function ExplainedValue({
  label,
  explained,
  kind = "usd",
  workspace,
  filters,
  note,
  size = "lg",
}: {
  label: string;
  explained: Explained;
  kind?: "usd" | "rate";
  workspace: string;
  filters: FinOpsFilters;
  note?: React.ReactNode;
  size?: "lg" | "md";
}) {
  const isMissing = explained.value === null;
  return (
    <div className="space-y-1.5">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="space-y-1.5">
        <span
          className={cn(
            "block font-semibold tabular-nums",
            size === "lg" ? "text-2xl" : "text-lg",
            isMissing ? "text-slate-600 italic" : "text-slate-900",
          )}
        >
          {isMissing ? NO_DATA : formatExplained(explained, kind)}
        </span>
        {note && <span className="block text-xs text-slate-600">{note}</span>}
        <HowComputed label={label} explained={explained} workspace={workspace} filters={filters} />
      </dd>
    </div>
  );
}
