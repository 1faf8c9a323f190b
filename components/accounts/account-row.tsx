"use client";

import { useEffect, useRef, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { Td } from "~/components/ui/table";
import { CapabilityBadges } from "./capability-badges";
import { EnvironmentSelect } from "./environment-select";
import { AccountActions } from "./account-actions";
import { RemoveAccountPanel } from "./remove-account-panel";
import { StatusBadge } from "./status-badge";
import type { AccountRow } from "./types";

export function AccountRowView({ workspace, account, canEdit }: { workspace: string; account: AccountRow; canEdit: boolean }) {
  const [isRemoving, setIsRemoving] = useState(false);
  const row = useRef<HTMLTableRowElement>(null);
  const wasRemoving = useRef(false);
  // A cancelled removal gives focus back to the Remove button rather than dropping it to the page.
  useEffect(() => {
    if (wasRemoving.current && !isRemoving) row.current?.querySelector<HTMLButtonElement>('[data-action="remove"]')?.focus();
    wasRemoving.current = isRemoving;
  }, [isRemoving]);
  const label = account.accountId ?? "pending account";
  return (
    <>
      <tr ref={row} aria-label={account.name ? `${account.name} ${label}` : label}>
        <Td className="align-top">
          <div className="flex items-center gap-1.5 whitespace-nowrap">
            <span className="font-mono text-sm font-medium text-slate-900">{account.accountId ?? "—"}</span>
            {account.isDemo && <Badge tone="blue">Demo</Badge>}
          </div>
          <div className="mt-0.5 text-xs text-slate-500">
            {account.name ?? (account.accountId ? "Unnamed" : "Waiting for the role ARN")}
            {account.kind === "organization" && <span> · management account</span>}
          </div>
        </Td>
        <Td className="align-top font-mono text-xs whitespace-nowrap">
          {account.ouPath ?? <span className="text-slate-500">—</span>}
        </Td>
        <Td className="align-top">
          {canEdit ? (
            <EnvironmentSelect workspace={workspace} account={account} />
          ) : (
            <span>{account.environment ?? <span className="text-slate-500">not set</span>}</span>
          )}
        </Td>
        <Td className="max-w-56 min-w-32 align-top">
          <StatusBadge account={account} />
          {account.lastVerifiedAt && (
            <p className="mt-1 text-xs text-slate-500">
              Verified <DateTime value={account.lastVerifiedAt} withTime />
            </p>
          )}
        </Td>
        <Td className="min-w-44 align-top">
          <CapabilityBadges results={account.capabilities} />
        </Td>
        {canEdit && (
          <Td className="align-top">
            <AccountActions
              workspace={workspace}
              account={account}
              isRemoving={isRemoving}
              onRemove={() => setIsRemoving(true)}
            />
          </Td>
        )}
      </tr>
      {isRemoving && (
        <tr aria-label="Confirm removal">
          <td colSpan={6} className="bg-red-50/40 px-4 py-4">
            <RemoveAccountPanel workspace={workspace} account={account} onCancel={() => setIsRemoving(false)} />
          </td>
        </tr>
      )}
    </>
  );
}
