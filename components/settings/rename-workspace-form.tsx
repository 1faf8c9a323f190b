"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";

// The name people see in the sidebar and the workspace list; the address in links stays.
export function RenameWorkspaceForm({ workspace, name, canRename }: { workspace: string; name: string; canRename: boolean }) {
  const id = useId();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.workspaces.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.workspaces.pathFilter());
        router.refresh();
      },
    }),
  );
  const inputId = `${id}-name`;
  const error = fieldError(rename.error, "name");
  const message = formError(rename.error, ["name"]);
  const hint = canRename
    ? `The address /w/${workspace} stays the same, so links and CI tokens keep working.`
    : "Only admins and owners can rename the workspace.";

  return (
    <Card>
      <CardHeader title="Name" description="How this workspace is shown to its members." />
      <CardBody>
        <form
          method="post"
          noValidate
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ workspace, name: readForm(e.currentTarget).name ?? "" });
          }}
        >
          <div className="min-w-64 flex-1">
            <Field id={inputId} label="Workspace name" hint={hint} error={error}>
              <Input
                id={inputId}
                name="name"
                defaultValue={name}
                maxLength={80}
                required
                disabled={!canRename}
                aria-invalid={!!error || undefined}
                aria-describedby={describedBy(inputId, true, error)}
              />
            </Field>
          </div>
          {canRename && (
            <Button type="submit" variant="secondary" isLoading={rename.isPending}>
              Rename
            </Button>
          )}
        </form>
        {message && (
          <Alert tone="error" className="mt-3">
            {message}
          </Alert>
        )}
        {rename.isSuccess && !rename.isPending && (
          <Alert tone="success" className="mt-3">
            Renamed to {rename.data.name}.
          </Alert>
        )}
      </CardBody>
    </Card>
  );
}
