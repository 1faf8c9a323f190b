"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Button, buttonClasses } from "~/components/ui/button";
import { accountsPath } from "./labels";
import type { AccountRow } from "./types";

export function AccountActions({
  workspace,
  account,
  isRemoving,
  onRemove,
}: {
  workspace: string;
  account: AccountRow;
  isRemoving: boolean;
  onRemove: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reverify = useMutation(
    trpc.accounts.reverify.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
    }),
  );
  const setupHref = accountsPath(workspace, { setup: account.id });

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-col items-end gap-1">
        {account.status === "pending" || !account.roleArn ? (
          <Link href={setupHref} className={buttonClasses("primary", "sm")}>
            Continue setup
          </Link>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            isLoading={reverify.isPending}
            onClick={() => reverify.mutate({ workspace, accountRef: account.id })}
          >
            Re-verify
          </Button>
        )}
        {account.kind === "organization" && account.status === "connected" && (
          <Link href={setupHref} className={buttonClasses("secondary", "sm")}>
            Connect member accounts
          </Link>
        )}
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
          disabled={isRemoving}
          data-action="remove"
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
      {reverify.isPending && (
        <p role="status" className="text-xs text-slate-500">
          Assuming the role with STS…
        </p>
      )}
      {reverify.error && (
        <p role="alert" className="max-w-48 text-right text-xs text-red-700">
          {reverify.error.message}
        </p>
      )}
    </div>
  );
}
