"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { orgWideSources } from "./format";
import { RelativeTime } from "./relative-time";
import type { AccountRow } from "./types";

// Column heads short enough for seven sources side by side; the full title is in the tooltip.
const shortTitles: Record<string, string> = {
  organization: "Organization",
  cost: "Cost",
  scans: "Scans",
  chaos: "Chaos",
  incidents: "Alarms",
  delivery: "Deploys",
  tracing: "Tracing",
};

type Cell = { kind: "own"; at?: Date } | { kind: "via-org"; at?: Date } | { kind: "not-applicable" };

// Organisation-wide sources are fetched in the management account and cover its members;
// an account outside any organisation is its own payer, so it reads its own cost.
function cellFor(
  account: AccountRow,
  source: string,
  lastSuccess: (ref: string, source: string) => Date | undefined,
  managementRef?: string,
): Cell {
  if (!orgWideSources.has(source) || account.kind === "organization") return { kind: "own", at: lastSuccess(account.id, source) };
  if (account.organization) return { kind: "via-org", at: managementRef ? lastSuccess(managementRef, source) : undefined };
  if (source === "cost") return { kind: "own", at: lastSuccess(account.id, source) };
  return { kind: "not-applicable" };
}

export function FreshnessTable({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const { data: freshness } = useSuspenseQuery(trpc.sync.freshness.queryOptions({ workspace }));
  const { data: accounts } = useSuspenseQuery(trpc.accounts.list.queryOptions({ workspace }));
  const { data: sources } = useSuspenseQuery(trpc.sync.sources.queryOptions({ workspace }));

  const connected = accounts.filter((a) => a.status === "connected" && a.accountId);
  const byKey = new Map(freshness.map((f) => [`${f.awsAccountRef}:${f.source}`, new Date(f.finishedAt)]));
  const lastSuccess = (ref: string, source: string) => byKey.get(`${ref}:${source}`);
  const managementRefs = new Map(
    accounts.filter((a) => a.kind === "organization" && a.organization).map((a) => [a.organization!.id, a.id]),
  );

  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Data freshness"
        description="When each kind of data last synced successfully, per connected account. Organisation and cost data are read once, in the management account, for all its members. Checks stop passing when their evidence gets too old."
      />
      {connected.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No connected accounts">Connect an AWS account on the Accounts page to see its data here.</EmptyState>
        </div>
      ) : (
        <Table caption="Data freshness per account and source">
          <thead>
            <tr>
              <Th>Account</Th>
              {sources.map((s) => (
                <Th key={s.name} title={s.title}>
                  {shortTitles[s.name] ?? s.title}
                </Th>
              ))}
            </tr>
          </thead>
          <TBody>
            {connected.map((account) => (
              <tr key={account.id}>
                <Td className="py-2.5">
                  <p className="font-medium whitespace-nowrap text-slate-900">{account.name ?? account.accountId}</p>
                  <p className="font-mono text-xs text-slate-500">
                    {account.accountId}
                    {account.kind === "organization" && <span className="ml-1 font-sans">· management</span>}
                  </p>
                </Td>
                {sources.map((s) => (
                  <Td key={s.name} className="py-2.5 text-xs whitespace-nowrap">
                    <FreshnessCell
                      cell={cellFor(
                        account,
                        s.name,
                        lastSuccess,
                        account.organization ? managementRefs.get(account.organization.id) : undefined,
                      )}
                    />
                  </Td>
                ))}
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

function FreshnessCell({ cell }: { cell: Cell }) {
  if (cell.kind === "not-applicable") {
    return (
      <span className="text-slate-500" title="Not in an organisation">
        n/a
      </span>
    );
  }
  if (cell.kind === "via-org") {
    return (
      <span className="text-slate-500">
        via organisation
        {cell.at && (
          <span className="block">
            <RelativeTime value={cell.at} />
          </span>
        )}
      </span>
    );
  }
  return cell.at ? <RelativeTime value={cell.at} /> : <span className="font-medium text-amber-700">Never</span>;
}
