"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { OutcomesTileView } from "./outcomes-tile-view";

/** The last 30 days and the 30 before, as two ranges of the Incidents page's own overview, so the numbers agree. */
export function OutcomesTile({
  workspace,
  ranges,
}: {
  workspace: string;
  ranges: { recent: { from: string; to: string }; previous: { from: string; to: string } };
}) {
  const trpc = useTRPC();
  const { data: recent } = useSuspenseQuery(
    trpc.incidents.overview.queryOptions({ workspace, ...ranges.recent, bucket: "week" }),
  );
  const { data: previous } = useSuspenseQuery(
    trpc.incidents.overview.queryOptions({ workspace, ...ranges.previous, bucket: "week" }),
  );
  return <OutcomesTileView workspace={workspace} recent={recent} previous={previous} />;
}
