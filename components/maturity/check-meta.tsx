import { sourceLabels } from "./labels";
import type { CheckInfo } from "./types";

const scopeWords: Record<CheckInfo["scope"], string> = {
  organization: "organisation-wide",
  ou: "per OU",
  account: "per account",
};

// The facts about a check a reader needs to trust its result: how it is decided and from what.
export function CheckMeta({ check }: { check: CheckInfo }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700">Level {check.level}</span>
      <span
        title={
          check.mode === "manual" ? "Passes on a person's attestation with a link to the proof" : "Computed from synced data"
        }
        className={
          check.mode === "manual"
            ? "rounded bg-sky-50 px-1.5 py-0.5 font-medium text-sky-800"
            : "rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700"
        }
      >
        {check.mode === "manual" ? "Manual" : "Automated"}
      </span>
      {check.antiPattern && <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">Anti-pattern</span>}
      <span>
        {sourceLabels[check.source] ?? check.source} · {scopeWords[check.scope]} · evidence counts for {check.maxEvidenceAgeDays}{" "}
        days
      </span>
    </span>
  );
}

export function WhyAndFix({ check }: { check: Pick<CheckInfo, "why" | "fix"> }) {
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="font-medium text-slate-900">Why it matters</dt>
        <dd className="mt-0.5 text-slate-700">{check.why}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-900">How to fix</dt>
        <dd className="mt-0.5 text-slate-700">{check.fix}</dd>
      </div>
    </dl>
  );
}
