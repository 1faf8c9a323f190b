import Link from "next/link";
import { accountsPath } from "./labels";

export function BackLink({ workspace }: { workspace: string }) {
  return (
    <Link
      href={accountsPath(workspace)}
      className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900"
    >
      <span aria-hidden="true">←</span> Back to accounts
    </Link>
  );
}
