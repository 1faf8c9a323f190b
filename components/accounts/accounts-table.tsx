"use client";

import { Card } from "~/components/ui/card";
import { Table, TBody, Th } from "~/components/ui/table";
import { AccountRowView } from "./account-row";
import type { AccountRow } from "./types";

export function AccountsTable({ workspace, accounts, canEdit }: { workspace: string; accounts: AccountRow[]; canEdit: boolean }) {
  return (
    <Card className="overflow-hidden">
      <Table caption="Connected AWS accounts">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>OU path</Th>
            <Th>Environment</Th>
            <Th>Status</Th>
            <Th>Capabilities</Th>
            {canEdit && (
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <TBody>
          {accounts.map((account) => (
            <AccountRowView key={account.id} workspace={workspace} account={account} canEdit={canEdit} />
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
