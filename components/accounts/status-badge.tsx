import { Badge } from "~/components/ui/badge";
import type { AccountRow } from "./types";

export function StatusBadge({ account }: { account: AccountRow }) {
  if (account.status === "connected") return <Badge tone="green">Connected</Badge>;
  if (account.status === "failed") {
    return (
      <div className="space-y-1">
        <Badge tone="red">Failed</Badge>
        {account.lastError && <p className="text-xs leading-snug [overflow-wrap:anywhere] text-red-700">{account.lastError}</p>}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <Badge tone="amber">Pending setup</Badge>
      {account.lastError && (
        <p className="text-xs leading-snug [overflow-wrap:anywhere] text-slate-500">Last attempt: {account.lastError}</p>
      )}
    </div>
  );
}
