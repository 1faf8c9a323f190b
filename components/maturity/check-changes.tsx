import Link from "next/link";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { resultPath } from "./labels";
import { StatusBadge, WaivedBadge } from "./status-badge";
import type { ChangeCause, CheckChange, CheckStatus, PracticeSummary } from "./types";

/** Why a result moved, in words: a waiver or an attestation is named, not hidden as "changed". */
export function causeLabel(cause: ChangeCause, change: Pick<CheckChange, "to" | "toWaived">): string {
  if (cause === "waiver") return change.toWaived ? "Waiver approved" : "Waiver ended";
  if (cause === "attestation") return change.to === "pass" ? "Attested" : "Attestation lapsed";
  return "Evidence";
}

function State({ status, waived, none }: { status: CheckStatus | null; waived: boolean; none: string }) {
  if (!status) return <span className="text-xs text-slate-500">{none}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <StatusBadge status={status} />
      {waived && <WaivedBadge />}
    </span>
  );
}

export function CheckChanges({
  workspace,
  checks,
  practices,
  accountName,
}: {
  workspace: string;
  checks: CheckChange[];
  practices: PracticeSummary[];
  accountName: (id: string) => string;
}) {
  if (checks.length === 0) {
    return <p className="text-sm text-slate-600">No check changed its result or its waiver between the two evaluations.</p>;
  }
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  return (
    <div className="-mx-5 border-t border-slate-200">
      <Table caption="Check results that changed between the baseline and the latest evaluation">
        <thead>
          <tr>
            <Th>Check</Th>
            <Th>Was</Th>
            <Th>Now</Th>
            <Th>Because of</Th>
            <Th className="text-right">Accounts</Th>
          </tr>
        </thead>
        <TBody>
          {checks.map((change) => (
            <tr key={`${change.checkId}:${change.from}:${change.fromWaived}:${change.to}:${change.toWaived}`}>
              <Td className="py-2.5">
                {change.accountIds[0] ? (
                  <Link
                    href={resultPath(workspace, change.checkId, change.accountIds[0])}
                    className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  >
                    {change.title}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{change.title}</span>
                )}
                <p className="text-xs text-slate-500">{titles.get(change.practiceId) ?? change.practiceId}</p>
              </Td>
              <Td className="py-2.5">
                <State status={change.from} waived={change.fromWaived} none="new" />
              </Td>
              <Td className="py-2.5">
                <State status={change.to} waived={change.toWaived} none="gone" />
              </Td>
              <Td className="py-2.5 text-sm text-slate-700">{change.causes.map((c) => causeLabel(c, change)).join(", ")}</Td>
              <Td className="py-2.5 text-right tabular-nums" title={change.accountIds.map(accountName).join(", ")}>
                {change.accountIds.length}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
