"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import type { IncidentFilters } from "~/server/incidents/types";
import { ComparisonView } from "./comparison-view";
import { IncidentUpload } from "./incident-upload";
import { IncidentsTable } from "./incidents-table";
import { IncidentsView } from "./incidents-view";

function ComparisonPanel({
  workspace,
  change,
  days,
  filters,
}: {
  workspace: string;
  change: string;
  days: number;
  filters: IncidentFilters;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(
    trpc.incidents.compare.queryOptions({
      workspace,
      changeId: change,
      windowDays: days,
      failureWindowHours: filters.failureWindowHours,
    }),
  );
  return <ComparisonView comparison={data} />;
}

function ListPanel({
  workspace,
  filters,
  page,
  change,
  days,
}: {
  workspace: string;
  filters: IncidentFilters;
  page: number;
  change: string | null;
  days: number;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.incidents.list.queryOptions({ workspace, ...filters, page }));
  return <IncidentsTable data={data} workspace={workspace} filters={filters} extra={{ change, days }} />;
}

export function IncidentsPanel({
  workspace,
  filters,
  page,
  change,
  days,
  canUpload,
}: {
  workspace: string;
  filters: IncidentFilters;
  page: number;
  change: string | null;
  days: number;
  canUpload: boolean;
}) {
  const trpc = useTRPC();
  const { data: overview } = useSuspenseQuery(trpc.incidents.overview.queryOptions({ workspace, ...filters }));
  return (
    <IncidentsView
      overview={overview}
      workspace={workspace}
      urlFilters={filters}
      change={change}
      days={days}
      comparison={
        change && (
          <ErrorBoundary title="This comparison could not be made">
            <Suspense fallback={<PanelSkeleton label="Comparing before and after…" />}>
              <ComparisonPanel workspace={workspace} change={change} days={days} filters={filters} />
            </Suspense>
          </ErrorBoundary>
        )
      }
      list={
        <ErrorBoundary title="The incidents could not be listed">
          <Suspense fallback={<PanelSkeleton label="Loading the incidents…" />}>
            <ListPanel workspace={workspace} filters={filters} page={page} change={change} days={days} />
          </Suspense>
        </ErrorBoundary>
      }
      uploader={<IncidentUpload workspace={workspace} canUpload={canUpload} />}
    />
  );
}
