"use client";

import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { Button } from "~/components/ui/button";

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
  const [copied, setCopied] = useState(false);
  const command = `curl -sf -H "Authorization: Bearer $LADDER_TOKEN" -F file=@results.sarif -F repository=$REPO -F branch=$BRANCH -F commit=$SHA ${origin}/api/v1/uploads`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused (insecure origin); the command stays selectable by hand.
    }
  }

  return (
    <section aria-labelledby="ci-heading" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id="ci-heading" className="text-sm font-semibold text-slate-900">
          From CI
        </h3>
        <Button variant="secondary" size="sm" onClick={copy} aria-label="Copy the upload command">
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Add one step after the scan. Create a token per pipeline in{" "}
        <Link href={`/w/${workspace}/settings/tokens`} className="font-medium text-slate-900 underline underline-offset-2">
          Settings → API tokens
        </Link>{" "}
        (editor role) and store it as the secret <code className="font-mono text-xs">LADDER_TOKEN</code>; the token names the
        workspace.
      </p>
      <pre className="mt-3 rounded-md bg-slate-900 px-3 py-2.5 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100">
        <code>{command}</code>
      </pre>
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </section>
  );
}
