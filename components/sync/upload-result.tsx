import { Alert } from "~/components/ui/alert";
import { formatNumber, plural } from "./format";
import type { UploadAnswer, UploadSummary } from "./types";

// A report stored while the request waited (201), or later by a worker (uploads.status).
type StoredReport = Omit<UploadAnswer, "counts"> & { counts: Partial<UploadSummary> & Partial<CostRowCounts> };

// A FOCUS export's summary (server/focus/focus-summary.ts): cost rows, not findings.
interface CostRowCounts {
  rows: number;
  totals: unknown[];
}

export function UploadResult({ name, answer }: { name: string; answer: StoredReport }) {
  const { findings = 0, failed = 0, components = 0, incidents = 0, deployments = 0, rows = 0, totals } = answer.counts;
  const parts = [
    answer.kind === "focus" && plural(rows, "cost row"),
    answer.kind === "focus" && totals && plural(totals.length, "billing period total"),
    findings > 0 && `${formatNumber(failed)} failed of ${plural(findings, "finding")}`,
    components > 0 && plural(components, "component"),
    incidents > 0 && plural(incidents, "incident"),
    deployments > 0 && plural(deployments, "deployment"),
  ].filter(Boolean);
  return (
    <Alert tone="success" title={`Stored ${name}`}>
      <p>
        Detected <strong>{answer.kind}</strong> ({answer.format}
        {answer.specVersion ? ` ${answer.specVersion}` : ""}) from {answer.tool.name}
        {answer.tool.version ? ` ${answer.tool.version}` : ""}: {parts.length ? parts.join(", ") : "nothing to report"}.
      </p>
      {answer.warnings.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs">
          {answer.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
