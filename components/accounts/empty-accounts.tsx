import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { DemoConnect } from "./demo-connect";
import { accountsPath, viewerNote } from "./labels";

const unlocks = [
  [
    "Maturity evidence",
    "Organizations, OUs, SCPs and the organisation trail; CodeDeploy canaries; FIS experiments; EKS and X-Ray settings.",
  ],
  ["FinOps", "Cost Explorer by account, Graviton and Spot shares, Reserved Instance and Savings Plans utilisation."],
  [
    "Incidents",
    "CloudWatch alarms and Incident Manager records, turned into incidents with time to restore next to deployments.",
  ],
] as const;

export function EmptyAccounts({
  workspace,
  canEdit,
  canConnectDemo,
}: {
  workspace: string;
  canEdit: boolean;
  canConnectDemo: boolean;
}) {
  return (
    <>
      <PageHeader title="Accounts" description="The AWS accounts this workspace reads from." />
      <section
        aria-labelledby="no-accounts-heading"
        className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 sm:px-10"
      >
        <h2 id="no-accounts-heading" className="text-lg font-semibold text-slate-900">
          No AWS accounts connected yet
        </h2>
        <p className="mt-2 max-w-2xl text-sm leading-6 text-slate-600">
          Connect one account, or a whole AWS Organization through its management account. Ladder assumes a read-only IAM role
          that you create with a template it generates, protected by an External ID unique to this workspace. It never stores AWS
          keys and cannot change anything.
        </p>
        <dl className="mt-6 grid gap-4 sm:grid-cols-3">
          {unlocks.map(([title, text]) => (
            <div key={title} className="rounded-md bg-slate-50 p-4">
              <dt className="text-sm font-semibold text-slate-900">{title}</dt>
              <dd className="mt-1 text-xs leading-5 text-slate-600">{text}</dd>
            </div>
          ))}
        </dl>
        {canEdit ? (
          <div className="mt-8 space-y-4">
            <Link href={accountsPath(workspace, { connect: "account" })} className={buttonClasses("primary")}>
              Connect AWS
            </Link>
            {canConnectDemo && <DemoConnect workspace={workspace} />}
          </div>
        ) : (
          <p className="mt-6 text-sm font-medium text-slate-700">{viewerNote}</p>
        )}
      </section>
    </>
  );
}
