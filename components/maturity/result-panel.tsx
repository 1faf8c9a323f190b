"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { Breadcrumbs } from "./breadcrumbs";
import { CheckMeta, WhyAndFix } from "./check-meta";
import { ClaimsSection } from "./claims-section";
import { EvidenceTable } from "./evidence-table";
import { accountPath, environmentLabels, maturityPath, plural, practicePath } from "./labels";
import { ResultBadges } from "./status-badge";
import type { ClaimPermissions, Environment } from "./types";

export function ResultPanel({
  workspace,
  checkId,
  accountId,
  practiceTitle,
  permissions,
}: {
  workspace: string;
  checkId: string;
  accountId: string;
  practiceTitle: string;
  permissions: ClaimPermissions;
}) {
  const trpc = useTRPC();
  const { data: detail } = useSuspenseQuery(trpc.maturity.result.queryOptions({ workspace, accountId, checkId }));
  const { check, account, result } = detail;
  const name = account.name ?? account.accountId;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Maturity", href: maturityPath(workspace) },
          { label: practiceTitle, href: practicePath(workspace, check.practiceId) },
          { label: name, href: accountPath(workspace, account.accountId) },
          { label: check.title },
        ]}
      />
      <PageHeader title={check.title} description={<CheckMeta check={check} />} />
      <div className="space-y-6">
        <Card>
          <CardBody className="space-y-3">
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-sm font-medium text-slate-600">Result in</span>
              <Link
                href={accountPath(workspace, account.accountId)}
                className="font-semibold text-slate-900 underline-offset-2 hover:underline"
              >
                {name}
              </Link>
              <span className="text-xs text-slate-500">
                <span className="font-mono">{account.accountId}</span>
                {account.environment && ` · ${environmentLabels[account.environment as Environment] ?? account.environment}`}
                {account.ouPath && ` · ${account.ouPath}`}
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-3" data-testid="result-status">
              <ResultBadges status={result.status} waiver={result.waiver} />
              <p className="text-sm text-slate-800">{result.reason}</p>
            </div>
            {result.waiver && (
              <p className="rounded-md bg-violet-50 px-3 py-2 text-sm text-violet-900">
                <span className="font-semibold">Counts as passing: waived.</span> {result.waiver.reason} (approved by{" "}
                {result.waiver.approvedBy},{" "}
                {result.waiver.expiresAt ? (
                  <>
                    until <DateTime value={result.waiver.expiresAt} />
                  </>
                ) : (
                  "until revoked"
                )}
                )
              </p>
            )}
            <p className="text-xs text-slate-500">
              This result since <DateTime value={result.since} withTime /> · {plural(result.evidenceCount, "evidence row")} ·
              evaluated <DateTime value={detail.evaluatedAt} withTime /> ·{" "}
              {result.blocking ? (
                <span className="font-medium text-red-700">holds this account below level {check.level}</span>
              ) : (
                "does not hold this account back"
              )}
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Why and how to fix" />
          <CardBody>
            <WhyAndFix check={check} />
          </CardBody>
        </Card>
        {/* A manual check's evidence is its attestation, listed in full below. */}
        {!(check.mode === "manual" && detail.evidence.every((row) => row.kind === "Attestation")) && (
          <EvidenceTable rows={detail.evidence} />
        )}
        <ClaimsSection workspace={workspace} detail={detail} permissions={permissions} />
      </div>
    </>
  );
}
