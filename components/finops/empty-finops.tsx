import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

export function EmptyFinOps({ workspace, uploader }: { workspace: string; uploader: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <EmptyState
        title="No cost data yet"
        action={
          <Link href={`/w/${workspace}/accounts`} className={buttonClasses("primary")}>
            Connect AWS accounts
          </Link>
        }
      >
        <p>
          Connect AWS accounts and sync them to read Cost Explorer, or upload a FOCUS cost export (AWS Data Exports, or another
          cloud&apos;s). Savings appear here with how every number is computed.
        </p>
      </EmptyState>
      {uploader}
    </div>
  );
}
