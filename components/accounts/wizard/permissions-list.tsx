"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import type { Capability } from "../types";

// What the role grants, grouped by what each group unlocks in Ladder. Read-only, every action.
export function PermissionsList({ workspace, isOrganization }: { workspace: string; isOrganization: boolean }) {
  const trpc = useTRPC();
  const { data: specs } = useSuspenseQuery(trpc.accounts.capabilities.queryOptions({ workspace }));
  const entries = Object.entries(specs) as [Capability, (typeof specs)[Capability]][];
  const actionCount = entries.reduce((sum, [, spec]) => sum + spec.actions.length, 0);

  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Permissions this role grants{" "}
        <span className="font-normal text-slate-500">({actionCount + 1} read-only actions, no write access)</span>
      </summary>
      <div className="space-y-4 border-t border-slate-200 px-4 py-4">
        <p className="text-sm text-slate-600">
          Plus <code className="font-mono text-xs">sts:GetCallerIdentity</code>, which Ladder calls to confirm which account the
          role belongs to.
        </p>
        <ul className="grid gap-4 md:grid-cols-2">
          {entries.map(([capability, spec]) => (
            <li key={capability} className="rounded-md bg-slate-50 p-3">
              <h3 className="text-sm font-semibold text-slate-900">
                {spec.title}
                {spec.managementOnly && (
                  <span className="ml-2 text-xs font-normal text-slate-500">
                    {isOrganization ? "read from the management account" : "management account only"}
                  </span>
                )}
              </h3>
              <p className="mt-1 text-xs text-slate-600">Unlocks: {spec.unlocks}</p>
              <ul className="mt-2 flex flex-wrap gap-1" aria-label={`Actions for ${spec.title}`}>
                {spec.actions.map((action) => (
                  <li
                    key={action}
                    className="rounded bg-white px-1.5 py-0.5 font-mono text-[11px] text-slate-700 ring-1 ring-slate-200"
                  >
                    {action}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
