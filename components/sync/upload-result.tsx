import { Alert } from "~/components/ui/alert";
import { formatNumber, plural } from "./format";
import type { UploadAnswer } from "./types";

export function UploadResult({ name, answer }: { name: string; answer: UploadAnswer }) {
  const { counts } = answer;
  const parts = [
    counts.findings > 0 && `${formatNumber(counts.failed)} failed of ${plural(counts.findings, "finding")}`,
    counts.components > 0 && plural(counts.components, "component"),
    counts.incidents > 0 && plural(counts.incidents, "incident"),
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
