import Link from "next/link";
import type { Level } from "./types";
import { resultPath } from "./labels";

// The checks that hold an account below its next level in a practice, each linking to its result.
export function BlockingChecks({
  workspace,
  accountId,
  level,
  checkIds,
  titles,
}: {
  workspace: string;
  accountId: string;
  level: Level | null;
  checkIds: string[];
  titles: ReadonlyMap<string, string>;
}) {
  if (level === null) return <span className="text-slate-500">Does not apply</span>;
  if (checkIds.length === 0) return <span className="text-slate-500">{level === 4 ? "Top level" : "—"}</span>;
  return (
    <ul className="space-y-0.5">
      {checkIds.map((checkId) => (
        <li key={checkId}>
          <Link
            href={resultPath(workspace, checkId, accountId)}
            className="text-slate-800 underline underline-offset-2 hover:text-slate-950"
          >
            {titles.get(checkId) ?? checkId}
          </Link>
        </li>
      ))}
    </ul>
  );
}
