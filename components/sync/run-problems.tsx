import Link from "next/link";
import type { SyncRun } from "./types";

// Long lists (a role missing everywhere) stay readable; the rest is one click away.
const SHOWN = 8;

function label(accountNames: Map<string, string | null>, accountId: string) {
  const name = accountNames.get(accountId);
  return name ? `${name} (${accountId})` : accountId;
}

export function RunProblems({
  workspace,
  run,
  accountNames,
  sourceTitles,
}: {
  workspace: string;
  run: SyncRun;
  accountNames: Map<string, string | null>;
  sourceTitles: Map<string, string>;
}) {
  if (!run.permissionGaps.length && !run.errors.length) return null;
  return (
    <div className={run.permissionGaps.length && run.errors.length ? "grid gap-4 lg:grid-cols-2" : undefined}>
      {run.permissionGaps.length > 0 && (
        <section aria-labelledby="gaps-heading" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3">
          <h3 id="gaps-heading" className="text-sm font-semibold text-amber-900">
            Permission gaps ({run.permissionGaps.length})
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-amber-900">
            {run.permissionGaps.slice(0, SHOWN).map((gap) => (
              <li key={`${gap.accountId}-${gap.source}`} className="[overflow-wrap:anywhere]">
                {label(accountNames, gap.accountId)} · {sourceTitles.get(gap.source) ?? gap.source}: missing{" "}
                <code className="rounded bg-amber-100 px-1 font-mono text-xs">{gap.action ?? "an unnamed action"}</code>
              </li>
            ))}
          </ul>
          {run.permissionGaps.length > SHOWN && (
            <details className="mt-1 text-sm text-amber-900">
              <summary className="cursor-pointer text-xs font-medium underline underline-offset-2">
                Show {run.permissionGaps.length - SHOWN} more
              </summary>
              <ul className="mt-1 space-y-1">
                {run.permissionGaps.slice(SHOWN).map((gap) => (
                  <li key={`${gap.accountId}-${gap.source}`} className="[overflow-wrap:anywhere]">
                    {label(accountNames, gap.accountId)} · {sourceTitles.get(gap.source) ?? gap.source}: missing{" "}
                    <code className="rounded bg-amber-100 px-1 font-mono text-xs">{gap.action ?? "an unnamed action"}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="mt-3 text-xs text-amber-800">
            AWS refused these calls, so that data was skipped and nothing else was lost. Update the role from the{" "}
            <Link href={`/w/${workspace}/accounts`} className="font-medium underline underline-offset-2">
              Accounts page
            </Link>{" "}
            (re-deploy its template), then sync again.
          </p>
        </section>
      )}
      {run.errors.length > 0 && (
        <section aria-labelledby="errors-heading" className="rounded-md border border-red-200 bg-red-50 px-4 py-3">
          <h3 id="errors-heading" className="text-sm font-semibold text-red-800">
            Errors ({run.errors.length})
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-red-800">
            {run.errors.slice(0, SHOWN).map((error) => (
              <li key={`${error.accountId}-${error.source}`} className="[overflow-wrap:anywhere]">
                {label(accountNames, error.accountId)} · {sourceTitles.get(error.source) ?? error.source}:{" "}
                {error.error ?? "failed without a message"}
              </li>
            ))}
          </ul>
          {run.errors.length > SHOWN && (
            <p className="mt-1 text-xs text-red-700">and {run.errors.length - SHOWN} more; the task list below has every one.</p>
          )}
          <p className="mt-3 text-xs text-red-700">What these tasks had stored before is kept; the next sync retries them.</p>
        </section>
      )}
    </div>
  );
}
