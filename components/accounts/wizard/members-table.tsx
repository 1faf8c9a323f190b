"use client";

import { useEffect, useRef } from "react";
import { Badge } from "~/components/ui/badge";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { DiscoveredMember } from "../types";

const connectionBadges = {
  connected: <Badge tone="green">Already connected</Badge>,
  failed: <Badge tone="red">Failed before</Badge>,
  pending: <Badge tone="amber">Pending setup</Badge>,
} as const;

export function MembersTable({
  accounts,
  selected,
  onChange,
}: {
  accounts: DiscoveredMember[];
  selected: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const selectable = accounts.filter((a) => !a.isManagement).map((a) => a.accountId);
  const selectedCount = selectable.filter((id) => selected.has(id)).length;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selectedCount > 0 && selectedCount < selectable.length;
  }, [selectedCount, selectable.length]);

  function toggle(ids: string[], on: boolean) {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  }

  return (
    <div className="overflow-hidden rounded-md border border-slate-200">
      <Table caption="Member accounts">
        <thead>
          <tr>
            <Th className="w-10">
              <input
                ref={allRef}
                type="checkbox"
                aria-label="Select all"
                className="size-4 rounded border-slate-300"
                checked={selectable.length > 0 && selectedCount === selectable.length}
                disabled={selectable.length === 0}
                onChange={(e) => toggle(selectable, e.target.checked)}
              />
            </Th>
            <Th>Account</Th>
            <Th>OU path</Th>
            <Th>Environment</Th>
            <Th>In Ladder</Th>
          </tr>
        </thead>
        <TBody>
          {accounts.map((account) => {
            const label = `${account.name} (${account.accountId})`;
            const inputId = `member-${account.accountId}`;
            return (
              <tr key={account.accountId} className={account.isManagement ? "bg-slate-50" : undefined}>
                <Td>
                  <input
                    id={inputId}
                    type="checkbox"
                    aria-label={label}
                    className="size-4 rounded border-slate-300"
                    checked={!account.isManagement && selected.has(account.accountId)}
                    disabled={account.isManagement}
                    onChange={(e) => toggle([account.accountId], e.target.checked)}
                  />
                </Td>
                <Td>
                  <label htmlFor={inputId} className="block cursor-pointer">
                    <span className="block font-medium text-slate-900">{account.name}</span>
                    <span className="font-mono text-xs text-slate-500">{account.accountId}</span>
                  </label>
                </Td>
                <Td className="font-mono text-xs">{account.ouPath}</Td>
                <Td>{account.environment ?? <span className="text-slate-500">not inferred</span>}</Td>
                <Td>
                  {account.isManagement ? (
                    <Badge tone="blue">Management account</Badge>
                  ) : account.connection ? (
                    connectionBadges[account.connection]
                  ) : (
                    <span className="text-slate-500">Not connected</span>
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
      {accounts.length === 0 && <p className="px-4 py-6 text-center text-sm text-slate-500">No accounts in this OU.</p>}
    </div>
  );
}
