"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { AccountsTable } from "./accounts-table";
import { DemoConnect } from "./demo-connect";
import { EmptyAccounts } from "./empty-accounts";
import { FirstSync } from "./first-sync";
import { accountsPath, viewerNote } from "./labels";

export function AccountsPanel({ workspace, canEdit }: { workspace: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const { data: accounts } = useSuspenseQuery(trpc.accounts.list.queryOptions({ workspace }));
  const { data: demoAvailable } = useSuspenseQuery(trpc.accounts.demoAvailable.queryOptions({ workspace }));
  // The server refuses a second demo organisation; its members carry the organisation link.
  const hasDemo = accounts.some((a) => a.isDemo && a.organization);
  const canConnectDemo = canEdit && demoAvailable && !hasDemo;

  if (accounts.length === 0) return <EmptyAccounts workspace={workspace} canEdit={canEdit} canConnectDemo={canConnectDemo} />;

  const connected = accounts.filter((a) => a.status === "connected").length;
  return (
    <>
      <PageHeader
        title="Accounts"
        description={`${connected} of ${accounts.length} ${accounts.length === 1 ? "account is" : "accounts are"} connected. Ladder reads each through a read-only role that trusts it with an External ID.`}
        action={
          canEdit && (
            <Link href={accountsPath(workspace, { connect: "account" })} className={buttonClasses("primary")}>
              Connect AWS
            </Link>
          )
        }
      />
      <div className="space-y-4">
        {!canEdit && <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">{viewerNote}</p>}
        {connected > 0 && <FirstSync workspace={workspace} canEdit={canEdit} />}
        {canConnectDemo && <DemoConnect workspace={workspace} compact />}
        <AccountsTable workspace={workspace} accounts={accounts} canEdit={canEdit} />
      </div>
    </>
  );
}
