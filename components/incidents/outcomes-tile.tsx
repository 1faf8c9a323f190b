"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { OutcomesTileView } from "./outcomes-tile-view";

/** The last 30 days against the 30 before, from the Incidents page's own aggregates. */
export function OutcomesTile({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.incidents.outcomes.queryOptions({ workspace }));
  return <OutcomesTileView workspace={workspace} outcomes={data} />;
}
