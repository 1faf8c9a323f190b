"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Button } from "~/components/ui/button";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import type { AccountRow } from "./types";

// Removing deletes what Ladder stored; typing the id makes sure it is the intended account.
export function RemoveAccountPanel({
  workspace,
  account,
  onCancel,
}: {
  workspace: string;
  account: AccountRow;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const remove = useMutation(
    trpc.accounts.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
    }),
  );
  const expected = account.accountId ?? "pending";
  const inputId = `${id}-confirm`;
  const inputError = fieldError(remove.error, "confirmAccountId");
  const message = formError(remove.error, ["confirmAccountId"]);

  return (
    <form
      method="post"
      noValidate
      role="group"
      aria-labelledby={`${id}-title`}
      className="max-w-2xl space-y-3"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !remove.isPending) onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate({ workspace, accountRef: account.id, confirmAccountId: readForm(e.currentTarget).confirmAccountId ?? "" });
      }}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold text-red-800">
        Remove {account.accountId ? `account ${account.accountId}` : "this pending account"}?
      </h3>
      <p className="text-sm text-slate-700">
        All data Ladder stored for this account is deleted: its verification results, and the evidence, costs and incidents read
        from it. The role in AWS stays until you delete its stack; without the External ID Ladder can no longer use it.
        {account.kind === "organization" &&
          " This is the organisation's management account: the organisation link goes too, and its member accounts stay connected on their own."}
      </p>
      <Field id={inputId} label="Type the account id to confirm" hint={`Type ${expected}.`} error={inputError}>
        <Input
          id={inputId}
          name="confirmAccountId"
          autoComplete="off"
          spellCheck={false}
          className="max-w-xs font-mono"
          aria-invalid={!!inputError || undefined}
          aria-describedby={describedBy(inputId, true, inputError)}
          autoFocus
        />
      </Field>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" isLoading={remove.isPending}>
          Remove account
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={remove.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
