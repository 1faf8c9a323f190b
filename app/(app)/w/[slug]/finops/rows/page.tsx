import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { finopsPath, readDrill, readFinOpsFilters } from "~/components/finops/paths";
import { RowsPanel } from "~/components/finops/rows-panel";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";

export const metadata: Metadata = { title: "FinOps cost rows" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The drill-down: /w/<slug>/finops/rows?table=ec2&from=2026-11-01&to=2026-12-01&account=…&page=2,
// a link anyone in the workspace can share.
export default async function FinOpsRowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const query = await searchParams;
  await requireUser(`/w/${slug}/finops`);
  const workspace = await getCurrentWorkspace(slug);
  const drill = readDrill(query);
  const filters = readFinOpsFilters(query);
  const page = Math.max(1, Number.parseInt(String(query.page ?? "1"), 10) || 1);
  if (drill) prefetch(trpc.finops.rows.queryOptions({ workspace: workspace.slug, drill, filters, page, pageSize: 50 }));
  const back = (
    <Link href={finopsPath(workspace.slug, filters)} className="text-sm font-medium text-sky-800 underline underline-offset-2">
      Back to FinOps
    </Link>
  );
  return (
    <HydrateClient>
      <PageHeader title="Cost rows" description="The cost rows behind a FinOps number, as they were ingested." action={back} />
      {drill ? (
        <RowsPanel workspace={workspace.slug} drill={drill} filters={filters} page={page} />
      ) : (
        <EmptyState title="These are not rows Ladder can list">
          <p>The address does not name a table and a period of cost rows. Open the rows from a number on the FinOps page.</p>
        </EmptyState>
      )}
    </HydrateClient>
  );
}
