"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import type { FinOpsFiltersInput } from "~/server/finops/finops.schema";
import { FinOpsView } from "./finops-view";

export function FinOpsPanel({
  workspace,
  filters,
  canUpload,
}: {
  workspace: string;
  filters: FinOpsFiltersInput;
  canUpload: boolean;
}) {
  const trpc = useTRPC();
  const { data: overview } = useSuspenseQuery(trpc.finops.overview.queryOptions({ workspace, ...filters }));
  return <FinOpsView overview={overview} workspace={workspace} canUpload={canUpload} />;
}
