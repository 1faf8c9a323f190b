import Link from "next/link";
import { Logo } from "~/components/ui/logo";
import { SignOutButton } from "./sign-out-button";

// For signed-in pages outside a workspace (creating one, accepting invitations).
export function TopBar({ email }: { email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-slate-900">
          <Logo />
        </Link>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>{email}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
