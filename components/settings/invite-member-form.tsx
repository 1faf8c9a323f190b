"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { CopyField } from "~/components/ui/copy-field";
import { DateTime } from "~/components/ui/date-time";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import { Select } from "~/components/ui/select";
import { RoleGuide, RoleOptions } from "./role-options";
import type { MemberPermissions, Role } from "./types";

export function InviteMemberForm({ workspace, permissions }: { workspace: string; permissions: MemberPermissions }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<{ email: string; link: string; expiresAt: Date } | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (invitation) => {
        setSent({
          email: invitation.email,
          link: `${window.location.origin}/invite/${invitation.token}`,
          expiresAt: invitation.expiresAt,
        });
        return queryClient.invalidateQueries(trpc.members.list.queryFilter());
      },
    }),
  );
  const emailError = fieldError(invite.error, "email");
  const roleError = fieldError(invite.error, "role");
  const message = formError(invite.error, ["email", "role"]);

  return (
    <Card>
      <CardHeader title="Invite a member" description="They join with the role you choose, and you can change it later." />
      <CardBody className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
        <form
          method="post"
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const values = readForm(form);
            setSent(null);
            invite.mutate(
              { workspace, email: values.email ?? "", role: (values.role ?? "viewer") as Role },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          {message && <Alert tone="error">{message}</Alert>}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
            <Field id="invite-email" label="Email" error={emailError}>
              <Input
                id="invite-email"
                name="email"
                type="email"
                autoComplete="off"
                placeholder="name@example.com"
                aria-invalid={!!emailError || undefined}
                aria-describedby={describedBy("invite-email", null, emailError)}
              />
            </Field>
            <Field id="invite-role" label="Role" error={roleError}>
              <Select
                id="invite-role"
                name="role"
                defaultValue="viewer"
                aria-invalid={!!roleError || undefined}
                aria-describedby={describedBy("invite-role", null, roleError) ?? "invite-role-guide"}
              >
                <RoleOptions roles={permissions.assignableRoles} />
              </Select>
            </Field>
          </div>
          <Button type="submit" isLoading={invite.isPending}>
            Invite member
          </Button>
          {sent && (
            <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50/50 p-4">
              <p className="text-sm font-medium text-emerald-800" role="status">
                Invitation created for {sent.email}.
              </p>
              <CopyField label="Invitation link" value={sent.link}>
                Send this link to the person; Ladder does not send email yet. It works until <DateTime value={sent.expiresAt} />.
              </CopyField>
            </div>
          )}
        </form>
        <div id="invite-role-guide" className="self-start rounded-md bg-slate-50 p-4">
          <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Roles</p>
          <RoleGuide roles={permissions.assignableRoles} descriptions={permissions.roleDescriptions} />
        </div>
      </CardBody>
    </Card>
  );
}
