import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { Logo } from "~/components/ui/logo";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Logo className="mb-8 text-xl" />
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        Go to your dashboard
      </Link>
    </main>
  );
}
