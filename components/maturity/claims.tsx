"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { DateTime } from "~/components/ui/date-time";
import { scopeLabel } from "./labels";
import { WaivedBadge } from "./status-badge";
import type { AttestationView, ClaimPermissions, WaiverView } from "./types";

type Tone = React.ComponentProps<typeof Badge>["tone"];
const stateTones: Record<AttestationView["state"] | WaiverView["state"], Tone> = {
  active: "green",
  pending: "amber",
  expired: "neutral",
  revoked: "neutral",
};

function useClaimMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = { onSuccess: () => queryClient.invalidateQueries(trpc.maturity.pathFilter()) };
  return {
    revokeAttestation: useMutation(trpc.maturity.revokeAttestation.mutationOptions(refresh)),
    approveWaiver: useMutation(trpc.maturity.approveWaiver.mutationOptions(refresh)),
    revokeWaiver: useMutation(trpc.maturity.revokeWaiver.mutationOptions(refresh)),
  };
}

export function AttestationList({
  workspace,
  attestations,
  permissions,
  accountName,
  checkLabel,
  emptyText = "Nobody has attested this check yet.",
}: {
  workspace: string;
  attestations: AttestationView[];
  permissions: ClaimPermissions;
  accountName: (id: string) => string;
  /** Where claims of several checks are listed together, names the check of each. */
  checkLabel?: (checkId: string) => React.ReactNode;
  emptyText?: string;
}) {
  const { revokeAttestation } = useClaimMutations();
  if (!attestations.length) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {attestations.map((a) => (
          <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0 space-y-0.5">
              {checkLabel && <p className="font-medium text-slate-900">{checkLabel(a.checkId)}</p>}
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={stateTones[a.state]}>{a.state}</Badge>
                <span className="text-slate-700">{scopeLabel(a.scope, accountName)}</span>
              </p>
              <p>
                <a href={a.evidenceUrl} target="_blank" rel="noreferrer noopener" className="break-all text-sky-800 underline">
                  {a.evidenceUrl}
                </a>
              </p>
              {a.note && <p className="text-slate-700">{a.note}</p>}
              <p className="text-xs text-slate-500">
                By {a.author} on <DateTime value={a.createdAt} /> · valid until <DateTime value={a.expiresAt} />
                {a.revokedAt && (
                  <>
                    {" "}
                    · revoked <DateTime value={a.revokedAt} />
                  </>
                )}
              </p>
            </div>
            {permissions.canClaim && a.state === "active" && (a.mine || permissions.canApprove) && (
              <ConfirmButton
                label="Revoke"
                confirmLabel="Revoke"
                question="The check stops passing."
                isPending={revokeAttestation.isPending}
                onConfirm={() => revokeAttestation.mutate({ workspace, id: a.id })}
                accessibleName={`Revoke the attestation by ${a.author}`}
              />
            )}
          </li>
        ))}
      </ul>
      {revokeAttestation.error && <Alert tone="error">{revokeAttestation.error.message}</Alert>}
    </>
  );
}

export function WaiverList({
  workspace,
  waivers,
  permissions,
  accountName,
  checkLabel,
  emptyText = "No waiver has been requested for this check.",
}: {
  workspace: string;
  waivers: WaiverView[];
  permissions: ClaimPermissions;
  accountName: (id: string) => string;
  checkLabel?: (checkId: string) => React.ReactNode;
  emptyText?: string;
}) {
  const { approveWaiver, revokeWaiver } = useClaimMutations();
  if (!waivers.length) return <p className="text-sm text-slate-600">{emptyText}</p>;
  const error = approveWaiver.error ?? revokeWaiver.error;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {waivers.map((w) => (
          <li key={w.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0 space-y-0.5">
              {checkLabel && <p className="font-medium text-slate-900">{checkLabel(w.checkId)}</p>}
              <p className="flex flex-wrap items-center gap-2">
                {w.state === "active" ? (
                  <WaivedBadge reason={w.reason} />
                ) : (
                  <Badge tone={stateTones[w.state]}>{w.state === "pending" ? "pending approval" : w.state}</Badge>
                )}
                <span className="text-slate-700">{scopeLabel(w.scope, accountName)}</span>
              </p>
              <p className="text-slate-800">{w.reason}</p>
              <p className="text-xs text-slate-500">
                Requested by {w.requestedBy} on <DateTime value={w.createdAt} />
                {w.approvedBy &&
                  ` · approved by ${w.approvedBy}${w.selfApproved ? " (self-approved, as the workspace allows)" : ""}`}
                {" · "}
                {w.expiresAt ? (
                  <>
                    until <DateTime value={w.expiresAt} />
                  </>
                ) : (
                  "until revoked"
                )}
                {w.revokedAt && (
                  <>
                    {" "}
                    · revoked <DateTime value={w.revokedAt} />
                  </>
                )}
              </p>
            </div>
            {permissions.canApprove && (w.state === "pending" || w.state === "active") && (
              <span className="flex items-center gap-2">
                {w.state === "pending" && w.mine && !permissions.canApproveOwn && (
                  <span className="text-xs text-slate-500">Another admin approves your request</span>
                )}
                {w.state === "pending" && (!w.mine || permissions.canApproveOwn) && (
                  <Button
                    size="sm"
                    isLoading={approveWaiver.isPending}
                    onClick={() => approveWaiver.mutate({ workspace, id: w.id })}
                  >
                    Approve
                  </Button>
                )}
                <ConfirmButton
                  label={w.state === "pending" ? "Reject" : "Revoke"}
                  confirmLabel={w.state === "pending" ? "Reject" : "Revoke"}
                  question={w.state === "pending" ? "The request is closed." : "The check is judged on its own again."}
                  isPending={revokeWaiver.isPending}
                  onConfirm={() => revokeWaiver.mutate({ workspace, id: w.id })}
                  accessibleName={`Revoke the waiver requested by ${w.requestedBy}`}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && <Alert tone="error">{error.message}</Alert>}
    </>
  );
}
