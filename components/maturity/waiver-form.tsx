"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import { ClaimScopeField, scopeFromForm } from "./claim-scope-field";
import { daysAhead } from "./labels";
import { TextArea } from "./text-area";
import type { AccountRef, CheckInfo, ClaimPermissions } from "./types";

// An accepted risk for a limited time: the check counts as passing, marked "waived" everywhere
// it shows. A request waits for an admin other than its requester, unless the workspace lets an
// admin approve their own, when it applies at once.
export function WaiverForm({
  workspace,
  check,
  account,
  permissions,
}: {
  workspace: string;
  check: CheckInfo;
  account: AccountRef;
  permissions: ClaimPermissions;
}) {
  const appliesAtOnce = permissions.canApprove && permissions.canApproveOwn;
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const request = useMutation(
    trpc.maturity.requestWaiver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.maturity.pathFilter()),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form);
    request.mutate(
      {
        workspace,
        checkId: check.id,
        scope: scopeFromForm(values, account),
        reason: values.reason ?? "",
        expiresAt: values.expiresAt ?? "",
      },
      { onSuccess: () => form.reset() },
    );
  }

  const error = request.error;
  const message = formError(error, ["reason", "expiresAt", "scope"]);
  return (
    <form onSubmit={submit} className="space-y-4" aria-label={appliesAtOnce ? "Waive" : "Request a waiver"}>
      <Field
        id={`${id}-reason`}
        label="Reason"
        hint="Why the risk is accepted, and what makes it safe for now."
        error={fieldError(error, "reason")}
      >
        <TextArea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          required
          minLength={10}
          aria-describedby={describedBy(`${id}-reason`, true, fieldError(error, "reason"))}
        />
      </Field>
      <Field
        id={`${id}-expires`}
        label="Expires"
        hint="At most a year away; the check is judged on its own again after that."
        error={fieldError(error, "expiresAt")}
      >
        <div className="w-44">
          <Input
            id={`${id}-expires`}
            name="expiresAt"
            type="date"
            required
            min={daysAhead(1)}
            max={daysAhead(366)}
            defaultValue={daysAhead(90)}
            aria-describedby={describedBy(`${id}-expires`, true, fieldError(error, "expiresAt"))}
          />
        </div>
      </Field>
      <ClaimScopeField id={id} account={account} check={check} />
      {message && <Alert tone="error">{message}</Alert>}
      {request.isSuccess && (
        <Alert tone="success">
          {appliesAtOnce
            ? "Waived. The check counts as passing, marked as waived; the audit log records that you approved it yourself."
            : permissions.canApprove
              ? "Requested. Another admin must approve it before the check counts as passing."
              : "Requested. An admin must approve it before the check counts as passing."}
        </Alert>
      )}
      <Button type="submit" variant="secondary" isLoading={request.isPending}>
        {appliesAtOnce ? "Waive" : "Request waiver"}
      </Button>
    </form>
  );
}
