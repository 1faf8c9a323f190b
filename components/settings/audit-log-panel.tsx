"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { AUDIT_PAGE_SIZE, nextAuditCursor } from "./audit-query";
import { actorOf, describeAction, describeDetails, describeTarget } from "./audit-wording";

export function AuditLogPanel({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useSuspenseInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ workspace, limit: AUDIT_PAGE_SIZE }, { getNextPageParam: nextAuditCursor }),
  );
  const entries = data.pages.flatMap((page) => page.entries);

  if (entries.length === 0) {
    return <EmptyState title="Nothing recorded yet">Membership, token and account changes will be listed here.</EmptyState>;
  }

  return (
    <Card>
      <CardHeader
        title="Audit log"
        description="Every change to members, invitations, API tokens, AWS accounts, syncs, waivers, attestations and settings, newest first."
      />
      <Table caption="Audit log">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Actor</Th>
            <Th>Action</Th>
            <Th>Target</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <TBody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap text-slate-500">
                <DateTime value={entry.createdAt} withTime />
              </Td>
              <Td className="font-medium text-slate-900">{actorOf(entry)}</Td>
              <Td>{describeAction(entry)}</Td>
              <Td>{describeTarget(entry)}</Td>
              <Td className="text-slate-500">{describeDetails(entry) || "—"}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <div className="flex items-center justify-between gap-4 border-t border-slate-200 px-5 py-3">
        <p className="text-xs text-slate-500">
          {entries.length === 1 ? "1 entry" : `${entries.length} entries`} shown{hasNextPage ? "; older entries remain" : ""}.
        </p>
        {hasNextPage && (
          <Button variant="secondary" size="sm" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
      {error && (
        <Alert tone="error" className="mx-5 mb-4">
          {error.message}
        </Alert>
      )}
    </Card>
  );
}
