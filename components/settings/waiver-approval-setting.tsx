"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Card, CardBody, CardHeader } from "~/components/ui/card";

// Four eyes on every accepted risk by default; a workspace with one admin has no second pair,
// so an owner may let admins approve their own waivers. The audit log says which happened.
export function WaiverApprovalSetting({
  workspace,
  allowed,
  isOwner,
}: {
  workspace: string;
  allowed: boolean;
  isOwner: boolean;
}) {
  const id = useId();
  const trpc = useTRPC();
  const router = useRouter();
  const [checked, setChecked] = useState(allowed);
  const save = useMutation(
    trpc.workspaces.setWaiverSelfApproval.mutationOptions({
      onSuccess: (result) => {
        setChecked(result.allowWaiverSelfApproval);
        router.refresh();
      },
      onError: () => setChecked(allowed),
    }),
  );

  return (
    <Card>
      <CardHeader
        title="Waiver approval"
        description="A waiver makes a failing check count as passing. By default an admin other than the requester must approve it."
      />
      <CardBody className="space-y-3">
        <div className="flex items-start gap-3">
          <input
            id={`${id}-self`}
            type="checkbox"
            className="mt-1 size-4 rounded border-slate-300"
            checked={checked}
            disabled={!isOwner || save.isPending}
            aria-describedby={`${id}-self-hint`}
            onChange={(e) => {
              setChecked(e.currentTarget.checked);
              save.mutate({ workspace, allow: e.currentTarget.checked });
            }}
          />
          <div>
            <label htmlFor={`${id}-self`} className="text-sm font-medium text-slate-900">
              Let admins approve their own waivers
            </label>
            <p id={`${id}-self-hint`} className="text-xs text-slate-500">
              For a workspace with one admin. An admin&apos;s own waiver then applies at once, and the audit log records it as
              self-approved. {isOwner ? "" : "Only owners can change this."}
            </p>
          </div>
        </div>
        {save.error && <Alert tone="error">{save.error.message}</Alert>}
      </CardBody>
    </Card>
  );
}
