"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { CopyField } from "~/components/ui/copy-field";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import { Select } from "~/components/ui/select";
import { RoleOptions } from "./role-options";
import type { Role } from "./types";

const expiryChoices = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 365 days" },
  { value: "never", label: "Never" },
] as const;

export function CreateTokenForm({
  workspace,
  tokenRoles,
  roleDescriptions,
}: {
  workspace: string;
  tokenRoles: Role[];
  roleDescriptions: Record<Role, string>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(tokenRoles.includes("editor") ? "editor" : (tokenRoles[0] ?? "viewer"));
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.tokens.list.queryFilter()),
    }),
  );
  const nameError = fieldError(create.error, "name");
  const roleError = fieldError(create.error, "role");
  const message = formError(create.error, ["name", "role", "expiresInDays"]) ?? fieldError(create.error, "expiresInDays");

  return (
    <Card>
      <CardHeader
        title="Create token"
        description="For CI pipelines that upload scan results, SBOMs and incidents. A token belongs to this workspace only."
      />
      <CardBody className="space-y-5">
        <form
          method="post"
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const values = readForm(form);
            const expiry = values.expiry ?? "never";
            create.mutate(
              {
                workspace,
                name: values.name ?? "",
                role: (values.role ?? role) as Role,
                expiresInDays: expiry === "never" ? null : Number(expiry),
              },
              // Clears the name for the next token; role and expiry stay as chosen.
              {
                onSuccess: () => {
                  const nameInput = form.elements.namedItem("name");
                  if (nameInput instanceof HTMLInputElement) nameInput.value = "";
                },
              },
            );
          }}
        >
          {message && <Alert tone="error">{message}</Alert>}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_10rem]">
            <Field id="token-name" label="Token name" error={nameError}>
              <Input
                id="token-name"
                name="name"
                placeholder="GitHub Actions"
                autoComplete="off"
                aria-invalid={!!nameError || undefined}
                aria-describedby={describedBy("token-name", null, nameError)}
              />
            </Field>
            <Field id="token-role" label="Token role" error={roleError}>
              <Select
                id="token-role"
                name="role"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                aria-invalid={!!roleError || undefined}
                aria-describedby={describedBy("token-role", null, roleError)}
              >
                <RoleOptions roles={tokenRoles} />
              </Select>
            </Field>
            <Field id="token-expiry" label="Expires">
              <Select id="token-expiry" name="expiry" defaultValue="90">
                {expiryChoices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <p className="text-xs text-slate-500">
            {roleDescriptions[role]}. Send the token as <code className="font-mono">Authorization: Bearer ldr_…</code>.
          </p>
          <Button type="submit" isLoading={create.isPending}>
            Create token
          </Button>
        </form>
        {create.data && (
          <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50/60 p-4">
            <p className="text-sm font-medium text-amber-900" role="status">
              Token “{create.data.name}” created. Copy it now: it will not be shown again.
            </p>
            <CopyField label="New token" value={create.data.token} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}
