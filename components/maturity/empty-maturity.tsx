import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";

export function EmptyMaturity({ workspace, canSync }: { workspace: string; canSync: boolean }) {
  return (
    <section
      aria-labelledby="no-evaluation-heading"
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 sm:px-10"
    >
      <h2 id="no-evaluation-heading" className="text-lg font-semibold text-slate-900">
        No evaluation yet
      </h2>
      <p className="mt-2 max-w-2xl text-sm leading-6 text-slate-600">
        Ladder grades the ten practices from the data it syncs from your AWS accounts and the results CI uploads. The ladder
        appears here after the first sync finishes: connect an account or a whole AWS Organization, then sync it.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href={`/w/${workspace}/accounts`} className={buttonClasses("primary")}>
          Go to Accounts
        </Link>
        <Link href={`/w/${workspace}/sync`} className={buttonClasses("secondary")}>
          {canSync ? "Sync now" : "See sync status"}
        </Link>
      </div>
    </section>
  );
}
