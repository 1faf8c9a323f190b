"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Select } from "~/components/ui/select";

export function WorkspaceSwitcher({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: workspaces } = useSuspenseQuery(trpc.workspaces.list.queryOptions());
  return (
    <div className="space-y-1.5">
      <label htmlFor="workspace-switcher" className="block text-xs font-medium tracking-wide text-slate-500 uppercase">
        Workspace
      </label>
      <Select
        id="workspace-switcher"
        value={slug}
        onChange={(e) => router.push(`/w/${e.target.value}/overview`)}
        className="font-medium"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.slug} value={workspace.slug}>
            {workspace.name}
          </option>
        ))}
      </Select>
      <Link
        href="/workspaces/new"
        className="inline-block rounded text-xs font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900"
      >
        New workspace…
      </Link>
    </div>
  );
}
