"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { fieldError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { readForm } from "~/components/ui/read-form";
import type { OnboardingAccount } from "../types";

export function VerifyRoleForm({ workspace, account }: { workspace: string; account: OnboardingAccount }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connect = useMutation(
    trpc.accounts.connect.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.accounts.onboarding.queryFilter({ workspace, accountRef: account.id })),
          queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
        ]),
    }),
  );
  const error = fieldError(connect.error, "roleArn") ?? connect.error?.message;

  return (
    <form
      method="post"
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        connect.mutate({ workspace, accountRef: account.id, roleArn: readForm(e.currentTarget).roleArn ?? "" });
      }}
    >
      <div className="space-y-1.5">
        <Label htmlFor="role-arn">Role ARN</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="role-arn"
            name="roleArn"
            autoComplete="off"
            spellCheck={false}
            defaultValue={account.roleArn ?? ""}
            placeholder="arn:aws:iam::123456789012:role/LadderReadOnly"
            className="font-mono text-xs"
            aria-invalid={!!error || undefined}
            aria-describedby={error ? "role-arn-error" : "role-arn-hint"}
          />
          <Button type="submit" isLoading={connect.isPending}>
            Verify and connect
          </Button>
        </div>
        <p id="role-arn-hint" className="text-xs text-slate-500">
          {account.kind === "organization"
            ? "The role in the management account: the RoleArn output of the stack you created there."
            : "The RoleArn output of the stack, or the role_arn output of Terraform."}
        </p>
      </div>
      {connect.isPending && (
        <p role="status" className="text-sm text-slate-600">
          Assuming the role with STS…
        </p>
      )}
      {error && !connect.isPending && (
        <Alert tone="error" title="The role could not be verified">
          <p id="role-arn-error">{error}</p>
        </Alert>
      )}
      {!error && !connect.isPending && account.lastError && (
        <Alert tone="warning" title="The last attempt failed">
          {account.lastError}
        </Alert>
      )}
    </form>
  );
}
