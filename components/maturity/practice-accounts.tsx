import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { accountPath, environmentLabels } from "./labels";
import { BlockingChecks } from "./blocking-checks";
import { LevelChip } from "./level-chip";
import type { Environment, PracticeView } from "./types";

// Weakest first: the accounts that set the organisation's level, and the checks that hold each.
export function PracticeAccounts({ workspace, view }: { workspace: string; view: PracticeView }) {
  const titles = new Map(view.checks.map((c) => [c.id, c.title]));
  const accounts = [...view.accounts].sort(
    (a, b) => (a.level ?? 99) - (b.level ?? 99) || (a.name ?? a.accountId).localeCompare(b.name ?? b.accountId),
  );
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Accounts"
        description="Each account in scope, weakest first, with the checks between it and its next level."
      />
      <Table caption="Accounts and their level in this practice">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>Level</Th>
            <Th>Held back by</Th>
          </tr>
        </thead>
        <TBody>
          {accounts.map((account) => (
            <tr key={account.accountId}>
              <Td className="py-2.5">
                <Link
                  href={accountPath(workspace, account.accountId)}
                  className="font-medium text-slate-900 underline-offset-2 hover:underline"
                >
                  {account.name ?? account.accountId}
                </Link>
                <p className="text-xs text-slate-500">
                  <span className="font-mono">{account.accountId}</span>
                  {account.environment && ` · ${environmentLabels[account.environment as Environment] ?? account.environment}`}
                  {account.ouPath && ` · ${account.ouPath}`}
                </p>
              </Td>
              <Td className="py-2.5">
                <LevelChip level={account.level} />
              </Td>
              <Td className="py-2.5 text-sm">
                <BlockingChecks
                  workspace={workspace}
                  accountId={account.accountId}
                  level={account.level}
                  checkIds={account.blockingCheckIds}
                  titles={titles}
                />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
