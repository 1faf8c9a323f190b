"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { cn } from "~/components/ui/cn";
import { PageHeader } from "~/components/ui/page-header";
import { accountsPath, kindTitles } from "../labels";
import type { AccountKind } from "../types";
import { StepIndicator } from "./step-indicator";

const descriptions: Record<AccountKind, { summary: string; points: string[] }> = {
  account: {
    summary: "Connect a single AWS account with a read-only role created by one CloudFormation stack or Terraform.",
    points: ["One stack, one role", "Per-account data: scans, deployments, alarms, chaos, tracing, EKS"],
  },
  organization: {
    summary: "Connect the management account, then its member accounts through a StackSet that creates the same role in each.",
    points: [
      "Accounts, OUs and SCPs from AWS Organizations",
      "Cost Explorer once for the whole organisation",
      "Pick the member accounts to add",
    ],
  },
};

// Step 1. Choosing creates the pending account and its External ID, then moves to step 2.
export function ChooseKind({ workspace, suggested }: { workspace: string; suggested: AccountKind }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(
    trpc.accounts.start.mutationOptions({
      onSuccess: (account) => router.push(accountsPath(workspace, { setup: account.id })),
    }),
  );
  const isBusy = start.isPending || start.isSuccess;

  return (
    <>
      <PageHeader
        title="Connect AWS"
        description="Ladder reads your AWS data through a read-only IAM role that you create and that only Ladder can assume."
      />
      <StepIndicator kind={suggested} current={1} />
      <section aria-labelledby="choose-kind-heading" className="space-y-4">
        <h2 id="choose-kind-heading" className="text-base font-semibold text-slate-900">
          What do you want to connect?
        </h2>
        {start.error && <Alert tone="error">{start.error.message}</Alert>}
        <div role="group" aria-labelledby="choose-kind-heading" className="grid gap-4 md:grid-cols-2">
          {(["account", "organization"] as const).map((kind) => {
            const isSuggested = kind === suggested;
            const isStarting = start.isPending && start.variables?.kind === kind;
            return (
              <button
                key={kind}
                type="button"
                aria-labelledby={`kind-${kind}-title`}
                aria-describedby={`kind-${kind}-summary`}
                aria-busy={isStarting || undefined}
                disabled={isBusy}
                onClick={() => start.mutate({ workspace, kind })}
                className={cn(
                  "group flex h-full flex-col rounded-lg border bg-white p-5 text-left shadow-sm transition",
                  "hover:border-slate-500 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900",
                  "disabled:cursor-wait disabled:opacity-70",
                  isSuggested ? "border-slate-900 ring-1 ring-slate-900" : "border-slate-200",
                )}
              >
                <span className="flex items-start gap-3">
                  <span
                    aria-hidden="true"
                    className={cn(
                      "mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border-2",
                      isSuggested ? "border-slate-900" : "border-slate-300 group-hover:border-slate-500",
                    )}
                  >
                    {isSuggested && <span className="size-2.5 rounded-full bg-slate-900" />}
                  </span>
                  <span>
                    <span id={`kind-${kind}-title`} className="block text-base font-semibold text-slate-900">
                      {kindTitles[kind]}
                    </span>
                    <span id={`kind-${kind}-summary`} className="mt-1 block text-sm text-slate-600">
                      {descriptions[kind].summary}
                    </span>
                    <span className="mt-3 block space-y-1 text-sm text-slate-600">
                      {descriptions[kind].points.map((point) => (
                        <span key={point} className="flex gap-2">
                          <span aria-hidden="true" className="text-slate-400">
                            •
                          </span>
                          {point}
                        </span>
                      ))}
                    </span>
                    <span className="mt-4 block text-sm font-medium text-slate-900">
                      {isStarting ? "Creating an External ID…" : "Continue →"}
                    </span>
                  </span>
                </span>
              </button>
            );
          })}
        </div>
        <p className="text-sm text-slate-500">
          Either way Ladder never stores AWS keys: it keeps only the role ARN and the External ID it generates for you.
        </p>
      </section>
    </>
  );
}
