"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Select } from "~/components/ui/select";
import { environments } from "./labels";
import type { AccountRow, Environment } from "./types";

export function EnvironmentSelect({ workspace, account }: { workspace: string; account: AccountRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setEnvironment = useMutation(
    trpc.accounts.setEnvironment.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
    }),
  );
  // Show the choice while it saves, not the old value until the list reloads.
  const value = setEnvironment.isPending ? setEnvironment.variables.environment : account.environment;
  const name = account.accountId ?? "pending account";

  return (
    <div className="space-y-1">
      <Select
        aria-label={`Environment for ${name}`}
        className="h-8 w-auto! min-w-32 py-1 pr-8! pl-2!"
        value={value ?? ""}
        disabled={setEnvironment.isPending}
        onChange={(e) =>
          setEnvironment.mutate({
            workspace,
            accountRef: account.id,
            environment: (e.target.value || null) as Environment | null,
          })
        }
      >
        <option value="">not set</option>
        {environments.map((environment) => (
          <option key={environment} value={environment}>
            {environment}
          </option>
        ))}
      </Select>
      {account.environmentSource === "ou" && account.environment && <p className="text-xs text-slate-600">from the OU</p>}
      {setEnvironment.error && (
        <p role="alert" className="text-xs text-red-700">
          {setEnvironment.error.message}
        </p>
      )}
    </div>
  );
}
