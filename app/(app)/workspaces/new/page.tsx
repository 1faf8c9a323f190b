import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "~/app/(app)/_lib/session";
import { TopBar } from "~/components/layout/top-bar";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { CreateWorkspaceForm } from "~/components/workspaces/create-workspace-form";
import { MyInvitations } from "~/components/workspaces/my-invitations";
import { HydrateClient, prefetch, serverCaller, trpc } from "~/server/api/rsc";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const user = await requireUser("/workspaces/new");
  prefetch(trpc.workspaces.myInvitations.queryOptions());
  const workspaces = await (await serverCaller()).workspaces.list();
  const first = workspaces[0];

  return (
    <HydrateClient>
      <TopBar email={user.email} />
      <main className="mx-auto max-w-xl space-y-6 px-4 py-10 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create a workspace</h1>
          <p className="mt-1 text-sm text-slate-600">
            A workspace holds one organisation&apos;s AWS accounts, its maturity scores and the people who can see them.
          </p>
        </div>
        <ErrorBoundary title="Your invitations could not be loaded">
          <Suspense fallback={null}>
            <MyInvitations />
          </Suspense>
        </ErrorBoundary>
        <Card>
          <CardHeader title="New workspace" />
          <CardBody>
            <CreateWorkspaceForm />
          </CardBody>
        </Card>
        {first && (
          <p className="text-sm text-slate-600">
            <Link href={`/w/${first.slug}/overview`} className="font-medium text-slate-900 underline underline-offset-2">
              Back to {first.name}
            </Link>
          </p>
        )}
      </main>
    </HydrateClient>
  );
}
