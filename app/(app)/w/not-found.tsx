import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { Logo } from "~/components/ui/logo";

// Reached when a /w/<slug> layout calls notFound(): a workspace that does not exist and one the
// user is not a member of look the same, so slugs cannot be probed.
export default function WorkspaceNotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Logo className="mb-8 text-xl" />
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Workspace not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        This workspace does not exist, or you are not a member of it. Ask one of its admins to invite you.
      </p>
      <div className="mt-6 flex gap-3">
        <Link href="/" className={buttonClasses("primary")}>
          Go to your workspaces
        </Link>
        <Link href="/workspaces/new" className={buttonClasses("secondary")}>
          Create a workspace
        </Link>
      </div>
    </main>
  );
}
