import Link from "next/link";
import { Logo } from "~/components/ui/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-12 sm:py-20">
      <Link
        href="/"
        className="mb-8 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-slate-900"
      >
        <Logo className="text-xl" />
      </Link>
      <main className="w-full max-w-md">{children}</main>
      <p className="mt-10 max-w-sm text-center text-xs text-slate-500">
        DevOps maturity for AWS organisations, proved from your own AWS data.
      </p>
    </div>
  );
}
