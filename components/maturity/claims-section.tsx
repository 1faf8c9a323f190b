"use client";

import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { AttestForm } from "./attest-form";
import { AttestationList, WaiverList } from "./claims";
import { WaiverForm } from "./waiver-form";
import type { ClaimPermissions, ResultDetail } from "./types";

const passes = (detail: ResultDetail) =>
  Boolean(detail.result.waiver) || ["pass", "warning", "not_applicable"].includes(detail.result.status);

// What people said about this check: attestations (manual checks) and waivers (any check).
export function ClaimsSection({
  workspace,
  detail,
  permissions,
}: {
  workspace: string;
  detail: ResultDetail;
  permissions: ClaimPermissions;
}) {
  const { check, account } = detail;
  const accountName = (id: string) => (id === account.accountId ? (account.name ?? id) : id);
  const isManual = check.mode === "manual";
  return (
    <>
      {(isManual || detail.attestations.length > 0) && (
        <Card>
          <CardHeader
            title="Attestations"
            description={
              isManual
                ? "A manual check passes on an attestation: a link to the proof, its author and an expiry."
                : "Attestations recorded for this check."
            }
          />
          <CardBody className="space-y-5">
            <AttestationList
              workspace={workspace}
              attestations={detail.attestations}
              permissions={permissions}
              accountName={accountName}
            />
            {isManual && permissions.canClaim && (
              <section aria-labelledby="attest-heading" className="rounded-md border border-slate-200 bg-slate-50 p-4">
                <h3 id="attest-heading" className="mb-3 text-sm font-semibold text-slate-900">
                  Attest this check
                </h3>
                <AttestForm workspace={workspace} check={check} account={account} />
              </section>
            )}
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Waivers"
          description={
            permissions.canApproveOwn
              ? "A waived check counts as passing and is marked “waived” wherever it appears. Admins approve and revoke; this workspace lets an admin approve their own."
              : "A waived check counts as passing and is marked “waived” wherever it appears. An admin other than the requester approves; admins revoke."
          }
        />
        <CardBody className="space-y-5">
          <WaiverList workspace={workspace} waivers={detail.waivers} permissions={permissions} accountName={accountName} />
          {permissions.canClaim && (
            <details open={!passes(detail)} className="rounded-md border border-slate-200 bg-slate-50 p-4">
              <summary className="cursor-pointer text-sm font-semibold text-slate-900">
                {permissions.canApprove && permissions.canApproveOwn ? "Waive this check" : "Request a waiver"}
              </summary>
              <div className="mt-3">
                <WaiverForm workspace={workspace} check={check} account={account} permissions={permissions} />
              </div>
            </details>
          )}
        </CardBody>
      </Card>
      {!permissions.canClaim && (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          Viewers can read attestations and waivers; editors and above attest checks and request waivers.
        </p>
      )}
    </>
  );
}
