import Link from "next/link";
import { cn } from "~/components/ui/cn";
import { DateTime } from "~/components/ui/date-time";
import { resultPath, statusLabels, statusOrder } from "./labels";
import { StatusBadge, WaivedBadge } from "./status-badge";
import type { CheckStatus, PracticeCheckView, ResultCell } from "./types";

const SHOWN = 12;

const rank = (cell: ResultCell) => (cell.waiver ? statusOrder.length : statusOrder.indexOf(cell.status));

/** "2 fail · 1 no data · 5 pass", worst first, counting only what occurs. */
export function StatusCounts({ counts, waived }: { counts: Record<CheckStatus, number>; waived: number }) {
  const parts = statusOrder.filter((s) => counts[s] > 0);
  return (
    <p className="text-xs text-slate-600">
      {parts.map((status, i) => (
        <span key={status}>
          {i > 0 && " · "}
          <span className={cn("font-semibold tabular-nums", (status === "fail" || status === "error") && "text-red-700")}>
            {counts[status]}
          </span>{" "}
          {statusLabels[status].toLowerCase()}
        </span>
      ))}
      {waived > 0 && (
        <span className="text-violet-700">
          {" "}
          · <span className="font-semibold tabular-nums">{waived}</span> waived
        </span>
      )}
    </p>
  );
}

// One chip per account, problems first; each opens the result with its evidence.
export function CheckResults({
  workspace,
  check,
  accountName,
}: {
  workspace: string;
  check: PracticeCheckView;
  accountName: (id: string) => string;
}) {
  const cells = [...check.results].sort(
    (a, b) => rank(a) - rank(b) || accountName(a.accountId).localeCompare(accountName(b.accountId)),
  );
  const waived = cells.filter((c) => c.waiver);
  const chip = (cell: ResultCell) => (
    <li key={cell.accountId}>
      <Link
        href={resultPath(workspace, check.id, cell.accountId)}
        title={cell.reason}
        data-testid={`result-${check.id}-${cell.accountId}`}
        className={cn(
          "inline-flex items-center gap-1.5 rounded-md border bg-white py-1 pr-1 pl-2 text-xs text-slate-800 hover:border-slate-400",
          cell.blocking ? "border-red-200" : "border-slate-200",
        )}
      >
        <span className="max-w-40 truncate font-medium">{accountName(cell.accountId)}</span>
        <StatusBadge status={cell.status} />
        {cell.waiver && <WaivedBadge reason={cell.waiver.reason} />}
      </Link>
    </li>
  );
  if (cells.length === 0) return <p className="text-xs text-slate-500">No account in scope.</p>;
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-1.5">{cells.slice(0, SHOWN).map(chip)}</ul>
      {cells.length > SHOWN && (
        <details>
          <summary className="cursor-pointer text-xs font-medium text-slate-600">
            Show {cells.length - SHOWN} more accounts
          </summary>
          <ul className="mt-1.5 flex flex-wrap gap-1.5">{cells.slice(SHOWN).map(chip)}</ul>
        </details>
      )}
      {waived.length > 0 && (
        <ul className="space-y-1 rounded-md bg-violet-50 px-3 py-2 text-xs text-violet-900">
          {waived.map((cell) => (
            <li key={cell.accountId}>
              <span className="font-semibold">Waived in {accountName(cell.accountId)}:</span> {cell.waiver!.reason}{" "}
              <span className="text-violet-700">
                (approved by {cell.waiver!.approvedBy}
                {cell.waiver!.expiresAt ? (
                  <>
                    , until <DateTime value={cell.waiver!.expiresAt} />
                  </>
                ) : (
                  ", until revoked"
                )}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
