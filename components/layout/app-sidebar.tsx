import Link from "next/link";
import { Suspense } from "react";
import { Logo } from "~/components/ui/logo";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppSidebar({
  slug,
  workspaceName,
  email,
  role,
}: {
  slug: string;
  workspaceName: string;
  email: string;
  role: string;
}) {
  return (
    <aside className="flex w-full shrink-0 flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-64 md:border-r md:border-b-0">
      <div className="flex h-14 items-center px-5">
        <Link
          href={`/w/${slug}/overview`}
          className="rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-slate-900"
        >
          <Logo />
        </Link>
      </div>
      <div className="px-4 pb-4">
        <Suspense fallback={<p className="h-[74px] px-1 pt-6 text-sm font-medium text-slate-900">{workspaceName}</p>}>
          <WorkspaceSwitcher slug={slug} />
        </Suspense>
      </div>
      <div className="px-3 pb-3 md:flex-1 md:overflow-y-auto md:pb-4">
        <SidebarNav slug={slug} />
      </div>
      <div className="border-t border-slate-200 px-4 py-3">
        <p className="truncate text-sm font-medium text-slate-800" title={email}>
          {email}
        </p>
        <div className="mt-1 flex items-center justify-between">
          <span className="text-xs text-slate-500">{role} in this workspace</span>
          <SignOutButton className="-mr-2" />
        </div>
      </div>
    </aside>
  );
}
