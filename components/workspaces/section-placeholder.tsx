import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";

// The honest state of a section whose data pipeline is not built yet: what will be here, and
// what it needs, with no sample numbers that could be mistaken for real ones.
export function SectionPlaceholder({
  title,
  summary,
  children,
  accountsHref,
}: {
  title: string;
  summary: string;
  children: React.ReactNode;
  accountsHref?: string;
}) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <section className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 sm:px-10">
        <h2 className="text-sm font-semibold text-slate-900">Nothing to show yet</h2>
        <div className="mt-2 max-w-2xl space-y-2 text-sm leading-6 text-slate-600">{children}</div>
        {accountsHref && (
          <Link href={accountsHref} className={buttonClasses("primary", "md", "mt-6")}>
            Go to Accounts
          </Link>
        )}
      </section>
    </>
  );
}
