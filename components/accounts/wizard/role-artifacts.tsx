"use client";

import { useId, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import type { ReadyArtifacts } from "../types";
import { CodeBlock } from "./code-block";

type Tab = "cloudformation" | "terraform" | "stacksets";

const tabLabels: Record<Tab, string> = { cloudformation: "CloudFormation", terraform: "Terraform", stacksets: "StackSets" };

export const templateFileName = "ladder-read-only-role.yaml";

function downloadTemplate(yaml: string) {
  const url = URL.createObjectURL(new Blob([yaml], { type: "application/x-yaml" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = templateFileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RoleArtifacts({ artifacts, isOrganization }: { artifacts: ReadyArtifacts; isOrganization: boolean }) {
  const id = useId();
  const tabs: Tab[] =
    isOrganization && artifacts.stackSet ? ["cloudformation", "terraform", "stacksets"] : ["cloudformation", "terraform"];
  const [selected, setSelected] = useState<Tab>("cloudformation");

  function onKeyDown(event: React.KeyboardEvent) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(selected) + step + tabs.length) % tabs.length]!;
    setSelected(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label="Ways to create the role"
        className="flex gap-1 border-b border-slate-200"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`${id}-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={selected === tab}
            aria-controls={`${id}-panel-${tab}`}
            tabIndex={selected === tab ? 0 : -1}
            onClick={() => setSelected(tab)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-slate-900",
              selected === tab ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {tabLabels[tab]}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          id={`${id}-panel-${tab}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${tab}`}
          hidden={selected !== tab}
          className="space-y-4 pt-4 text-sm text-slate-700"
        >
          {tab === "cloudformation" && <CloudFormationPanel artifacts={artifacts} isOrganization={isOrganization} />}
          {tab === "terraform" && (
            <>
              <p>
                Add this to a Terraform configuration that runs with credentials for the{" "}
                {isOrganization ? "management" : "target"} account, then run{" "}
                <code className="font-mono text-xs">terraform apply</code>. The output is the role ARN to paste below.
              </p>
              <CodeBlock label="Terraform" code={artifacts.terraform} />
            </>
          )}
          {tab === "stacksets" && artifacts.stackSet && (
            <>
              <p>
                Member accounts get the role through a service-managed StackSet run from the management account: it creates the
                same <span className="font-mono text-xs">{artifacts.roleName}</span> role in every member account, including
                accounts that join later, and they all share this External ID. The commands use the template you download above (
                <span className="font-mono text-xs">ladder-read-only-role.yaml</span>).
              </p>
              <CodeBlock label="StackSets instructions" code={artifacts.stackSet} />
            </>
          )}
        </div>
      ))}
    </div>
  );
}

function CloudFormationPanel({ artifacts, isOrganization }: { artifacts: ReadyArtifacts; isOrganization: boolean }) {
  return (
    <>
      <p>
        Create a stack from this template in the {isOrganization ? "management account" : "account"}. The External ID and
        Ladder&apos;s principal are already filled in; AWS asks you to acknowledge that the stack creates an IAM role. When the
        stack is complete, copy the role ARN from its Outputs tab.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {artifacts.quickCreateUrl && (
          <a href={artifacts.quickCreateUrl} target="_blank" rel="noopener noreferrer" className={buttonClasses("primary")}>
            Open in AWS console
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        )}
        <Button
          variant={artifacts.quickCreateUrl ? "secondary" : "primary"}
          onClick={() => downloadTemplate(artifacts.cloudFormation)}
        >
          Download template
        </Button>
        <span className="text-xs text-slate-500">{templateFileName}</span>
      </div>
      {!artifacts.quickCreateUrl && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">
          No one-click link: the AWS console opens quick-create links only for templates hosted in S3. The Ladder operator can
          upload the template to S3 and set <span className="font-mono">LADDER_TEMPLATE_URL</span>; until then, download the
          template and upload it in the CloudFormation console (Create stack → Upload a template file).
        </p>
      )}
      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">Show the template</summary>
        <div className="mt-3">
          <CodeBlock label="CloudFormation template" code={artifacts.cloudFormation} />
        </div>
      </details>
    </>
  );
}
