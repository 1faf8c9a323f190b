"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { AccountResults } from "./account-results";
import { Breadcrumbs } from "./breadcrumbs";
import { environmentLabels, maturityPath, practicePath } from "./labels";
import { BlockingChecks } from "./blocking-checks";
import { LevelChip, LevelMeter } from "./level-chip";
import type { Environment } from "./types";

export function AccountPanel({ workspace, accountId }: { workspace: string; accountId: string }) {
  const trpc = useTRPC();
  const { data: view } = useSuspenseQuery(trpc.maturity.account.queryOptions({ workspace, accountId }));
  const { account } = view;
  const titles = new Map(view.results.map((r) => [r.id, r.title]));
  const name = account.name ?? account.accountId;
  const accountFilters = { environments: [], ouPaths: [], accountIds: [account.accountId] };

  return (
    <>
      <Breadcrumbs items={[{ label: "Maturity", href: maturityPath(workspace) }, { label: name }]} />
      <PageHeader
        title={name}
        description={
          <>
            <span className="font-mono">{account.accountId}</span>
            {account.environment && ` · ${environmentLabels[account.environment as Environment] ?? account.environment}`}
            {account.ouPath && ` · ${account.ouPath}`} · evaluated <DateTime value={view.evaluatedAt} withTime />
          </>
        }
      />
      <div className="space-y-6">
        <Card className="overflow-hidden">
          <CardHeader
            title="Practices"
            description="This account's level in each practice, and the checks between it and the next level."
          />
          <Table caption="Practice levels in this account">
            <thead>
              <tr>
                <Th>Practice</Th>
                <Th>Level</Th>
                <Th>Why not higher</Th>
              </tr>
            </thead>
            <TBody>
              {view.practices.map((practice) => (
                <tr key={practice.id}>
                  <Td className="py-2.5">
                    <Link
                      href={practicePath(workspace, practice.id, accountFilters)}
                      className="font-medium text-slate-900 underline-offset-2 hover:underline"
                    >
                      {practice.title}
                    </Link>
                    <p className="text-xs text-slate-500">Stage {practice.stage}</p>
                  </Td>
                  <Td className="py-2.5">
                    <span className="flex items-center gap-2">
                      <LevelChip level={practice.level} />
                      <span className="text-sm text-slate-700">{practice.levelTitle ?? "Does not apply"}</span>
                    </span>
                    <LevelMeter level={practice.level} className="mt-1.5" />
                  </Td>
                  <Td className="py-2.5 text-sm">
                    <BlockingChecks
                      workspace={workspace}
                      accountId={account.accountId}
                      level={practice.level === null ? 0 : practice.level}
                      checkIds={practice.blockingCheckIds}
                      titles={titles}
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Card>
        <AccountResults workspace={workspace} accountId={account.accountId} view={view} />
      </div>
    </>
  );
}
