"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { CopyField } from "~/components/ui/copy-field";

const subscribe = () => () => {};

// The address this page was reached at is the one CI should post to.
function useOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "https://<your-ladder-host>",
  );
}

export function CiSnippet({ workspace }: { workspace: string }) {
  const origin = useOrigin();
  const command = `curl -sf -H "Authorization: Bearer $LADDER_TOKEN" -F file=@results.sarif -F repository=$REPO -F branch=$BRANCH -F commit=$SHA ${origin}/api/v1/uploads`;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
      <h3 className="text-sm font-semibold text-slate-900">From CI</h3>
      <p className="mt-1 mb-3 text-sm text-slate-600">
        Add one step after the scan. The token names the workspace; create one per pipeline in{" "}
        <Link href={`/w/${workspace}/settings/tokens`} className="font-medium text-slate-900 underline underline-offset-2">
          Settings → API tokens
        </Link>{" "}
        (editor role) and store it as the secret <code className="font-mono text-xs">LADDER_TOKEN</code>.
      </p>
      <CopyField label="Upload command" value={command} />
    </div>
  );
}
