"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";

// Deleting cannot be undone; typing the address makes sure it is the intended workspace.
export function DeleteWorkspaceForm({ workspace, name }: { workspace: string; name: string }) {
  const id = useId();
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.workspaces.delete.mutationOptions({
      // A full page load: every cached page and query of this workspace is now stale. The front
      // door then opens the caller's next workspace, or the page to create one.
      onSuccess: (result) => window.location.assign(result.nextWorkspace ? `/w/${result.nextWorkspace}/overview` : "/"),
    }),
  );
  const inputId = `${id}-confirm`;
  const error = fieldError(remove.error, "confirmSlug");
  const message = formError(remove.error, ["confirmSlug"]);

  return (
    <Card className="border-red-200">
      <CardHeader title="Delete workspace" description="Owners only. This cannot be undone." />
      <CardBody>
        <form
          method="post"
          noValidate
          aria-labelledby={`${id}-title`}
          className="max-w-2xl space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate({ workspace, confirmSlug: readForm(e.currentTarget).confirmSlug ?? "" });
          }}
        >
          <h3 id={`${id}-title`} className="text-sm font-semibold text-red-800">
            Delete {name} and everything in it?
          </h3>
          <p className="text-sm text-slate-700">
            Everything Ladder stored for this workspace is deleted: its AWS accounts and the evidence, costs and incidents read
            from them, sync runs, uploads (also those still being received), waivers, attestations, maturity history, API tokens,
            invitations and memberships. The roles in AWS stay until you delete their stacks. The workspace&apos;s audit log is
            deleted with it, so the deletion itself is recorded in the server log, with who deleted it.
          </p>
          <Field id={inputId} label="Type the workspace address to confirm" hint={`Type ${workspace}.`} error={error}>
            <Input
              id={inputId}
              name="confirmSlug"
              autoComplete="off"
              spellCheck={false}
              className="max-w-xs font-mono"
              aria-invalid={!!error || undefined}
              aria-describedby={describedBy(inputId, true, error)}
            />
          </Field>
          {message && (
            <p role="alert" className="text-sm text-red-700">
              {message}
            </p>
          )}
          <Button type="submit" variant="danger" isLoading={remove.isPending || remove.isSuccess}>
            Delete workspace
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
