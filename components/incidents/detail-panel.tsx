"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { IncidentDetailView } from "./incident-detail-view";

export function IncidentDetailPanel({ workspace, incidentId }: { workspace: string; incidentId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.incidents.detail.queryOptions({ workspace, incidentId }));
  return <IncidentDetailView detail={data} workspace={workspace} />;
}
