"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { AttestationList, WaiverList } from "./claims";
import { practicePath } from "./labels";
import type { ClaimPermissions, WaiverView } from "./types";

// Every person's claim on the ladder in one place: pending waivers first, for the admins who
// approve them (each one requested by someone else), then active ones, then the closed history.
const waiverOrder: Record<WaiverView["state"], number> = { pending: 0, active: 1, expired: 2, revoked: 3 };

export function ClaimsPanel({
  workspace,
  checks,
  permissions,
}: {
  workspace: string;
  /** Check id → title and practice, from the catalogue. */
  checks: Record<string, { title: string; practiceId: string }>;
  permissions: ClaimPermissions;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.maturity.claims.queryOptions({ workspace }));
  const waivers = [...data.waivers].sort((a, b) => waiverOrder[a.state] - waiverOrder[b.state]);
  const pending = waivers.filter((w) => w.state === "pending").length;
  const checkLabel = (checkId: string) => {
    const check = checks[checkId];
    if (!check) return checkId;
    return (
      <Link href={`${practicePath(workspace, check.practiceId)}#check-${checkId}`} className="hover:underline">
        {check.title}
      </Link>
    );
  };
  const accountName = (id: string) => {
    const name = data.accountNames[id];
    return name ? `${name} (${id})` : id;
  };
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Waivers"
          description={
            pending
              ? `${pending} waiting for approval by an admin other than the requester. A waived check counts as passing, visibly, until it expires or is revoked.`
              : "A waived check counts as passing, visibly, until it expires or is revoked."
          }
        />
        <CardBody>
          <WaiverList
            workspace={workspace}
            waivers={waivers}
            permissions={permissions}
            accountName={accountName}
            checkLabel={checkLabel}
            emptyText="No check has been waived. Waive one from its result page."
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Attestations"
          description="People's evidence for the checks AWS cannot show; each lapses on its expiry."
        />
        <CardBody>
          <AttestationList
            workspace={workspace}
            attestations={data.attestations}
            permissions={permissions}
            accountName={accountName}
            checkLabel={checkLabel}
            emptyText="Nobody has attested a manual check yet. Attest one from its result page."
          />
        </CardBody>
      </Card>
    </div>
  );
}
