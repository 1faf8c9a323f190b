"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { roleLabels } from "./role-options";
import type { ApiTokenRow } from "./types";

type Status = "active" | "revoked" | "expired";

function statusOf(token: ApiTokenRow, now: Date): Status {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt < now) return "expired";
  return "active";
}

const statusBadge: Record<Status, React.ReactNode> = {
  active: <Badge tone="green">Active</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
};

export function TokensTable({ workspace, tokens }: { workspace: string; tokens: ApiTokenRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.tokens.list.queryFilter()),
    }),
  );
  const now = new Date();

  if (tokens.length === 0) {
    return (
      <EmptyState title="No API tokens yet">
        Create one above for each CI pipeline that uploads results, so each can be revoked on its own.
      </EmptyState>
    );
  }

  return (
    <Card>
      <CardHeader
        title="Tokens"
        description="Every token this workspace has issued, including those that no longer work, so their use can be traced."
      />
      {revoke.error && (
        <Alert tone="error" className="mx-5 mt-4">
          {revoke.error.message}
        </Alert>
      )}
      <Table caption="API tokens">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th>Status</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <TBody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <tr key={token.id} className={status === "active" ? undefined : "text-slate-500"}>
                <Td>
                  <p className="font-medium text-slate-900">{token.name}</p>
                  <p className="font-mono text-xs text-slate-500">{token.prefix}…</p>
                </Td>
                <Td>{roleLabels[token.role]}</Td>
                <Td className="whitespace-nowrap">
                  <DateTime value={token.createdAt} />
                  {token.createdBy && <p className="text-xs text-slate-500">by {token.createdBy.email}</p>}
                </Td>
                <Td className="whitespace-nowrap">
                  {token.lastUsedAt ? <DateTime value={token.lastUsedAt} withTime /> : "Never"}
                </Td>
                <Td className="whitespace-nowrap">{token.expiresAt ? <DateTime value={token.expiresAt} /> : "Never"}</Td>
                <Td>{statusBadge[status]}</Td>
                <Td className="text-right">
                  {status === "active" && (
                    <ConfirmButton
                      label="Revoke"
                      question={`Revoke ${token.name}?`}
                      confirmLabel="Yes, revoke"
                      isPending={revoke.isPending && revoke.variables?.tokenId === token.id}
                      onConfirm={() => revoke.mutate({ workspace, tokenId: token.id })}
                    />
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
