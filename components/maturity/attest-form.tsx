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
import type { AccountRef, CheckInfo } from "./types";

// A person's statement with a link to the proof; it passes the check until it expires, and
// never longer than the check's evidence window.
export function AttestForm({ workspace, check, account }: { workspace: string; check: CheckInfo; account: AccountRef }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attest = useMutation(
    trpc.maturity.attest.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.maturity.pathFilter()),
    }),
  );
  const maxDays = check.maxEvidenceAgeDays;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form);
    attest.mutate(
      {
        workspace,
        checkId: check.id,
        scope: scopeFromForm(values, account),
        evidenceUrl: values.evidenceUrl ?? "",
        note: values.note ?? "",
        expiresAt: values.expiresAt ?? "",
      },
      { onSuccess: () => form.reset() },
    );
  }

  const error = attest.error;
  const message = formError(error, ["evidenceUrl", "note", "expiresAt", "scope"]);
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Attest">
      <Field
        id={`${id}-url`}
        label="Evidence link"
        hint="Where a reviewer can see the proof."
        error={fieldError(error, "evidenceUrl")}
      >
        <Input
          id={`${id}-url`}
          name="evidenceUrl"
          type="url"
          required
          placeholder="https://"
          aria-describedby={describedBy(`${id}-url`, true, fieldError(error, "evidenceUrl"))}
        />
      </Field>
      <Field id={`${id}-note`} label="Note" error={fieldError(error, "note")}>
        <TextArea id={`${id}-note`} name="note" rows={2} required placeholder="What the link shows, and who checked it." />
      </Field>
      <Field
        id={`${id}-expires`}
        label="Valid until"
        hint={`At most ${maxDays} days: the check stops passing after that and must be attested again.`}
        error={fieldError(error, "expiresAt")}
      >
        <div className="w-44">
          <Input
            id={`${id}-expires`}
            name="expiresAt"
            type="date"
            required
            min={daysAhead(1)}
            max={daysAhead(maxDays)}
            defaultValue={daysAhead(Math.min(90, maxDays))}
            aria-describedby={describedBy(`${id}-expires`, true, fieldError(error, "expiresAt"))}
          />
        </div>
      </Field>
      <ClaimScopeField id={id} account={account} check={check} />
      {message && <Alert tone="error">{message}</Alert>}
      {attest.isSuccess && <Alert tone="success">Attested. The check and the practice level are re-evaluated.</Alert>}
      <Button type="submit" isLoading={attest.isPending}>
        Attest
      </Button>
    </form>
  );
}
