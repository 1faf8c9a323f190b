"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useIsBrowser } from "~/components/ui/use-is-browser";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClasses } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import { syncPath } from "./format";
import type { SyncSource } from "./types";

const MENU_WIDTH_PX = 320; // w-80

// "Sync now", with an optional narrower choice of sources (all of them unless unticked).
export function SyncNowForm({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isBrowser = useIsBrowser();
  const queryClient = useQueryClient();
  const { data: sources } = useSuspenseQuery(trpc.sync.sources.queryOptions({ workspace }));
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(sources.map((s) => s.name)));
  const [choiceError, setChoiceError] = useState<string>();
  const sourcesMenu = useRef<HTMLDetailsElement>(null);
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  // Opens leftwards under the trigger unless that would cross the window's left edge.
  const [isMenuStartAligned, setIsMenuStartAligned] = useState(false);
  const start = useMutation(
    trpc.sync.start.mutationOptions({
      onSuccess: async (run) => {
        await queryClient.invalidateQueries(trpc.sync.runs.queryFilter());
        router.push(syncPath(workspace, run.id), { scroll: false });
      },
    }),
  );

  // The sources menu behaves like a popover: a press outside it closes it, as do Escape and
  // moving focus elsewhere (below).
  useEffect(() => {
    if (!isMenuOpen) return;
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (sourcesMenu.current && !sourcesMenu.current.contains(event.target as Node)) sourcesMenu.current.open = false;
    };
    document.addEventListener("pointerdown", closeOnOutsidePress);
    return () => document.removeEventListener("pointerdown", closeOnOutsidePress);
  }, [isMenuOpen]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const picked = new FormData(event.currentTarget).getAll("source").map(String) as SyncSource["name"][];
    if (!picked.length) {
      setChoiceError("Choose at least one source to sync.");
      return;
    }
    setChoiceError(undefined);
    if (sourcesMenu.current) sourcesMenu.current.open = false;
    // Everything ticked means "everything", so sources added later are included too.
    start.mutate({ workspace, sources: picked.length === sources.length ? undefined : picked });
  }

  const error = choiceError ?? start.error?.message;
  return (
    <form onSubmit={submit} className="flex max-w-md flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <details
          ref={sourcesMenu}
          className="group relative"
          onToggle={(event) => {
            const { open } = event.currentTarget;
            setIsMenuOpen(open);
            if (open) setIsMenuStartAligned(event.currentTarget.getBoundingClientRect().right < MENU_WIDTH_PX + 16);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Escape" || !event.currentTarget.open) return;
            event.preventDefault();
            event.currentTarget.open = false;
            event.currentTarget.querySelector("summary")?.focus();
          }}
          onBlur={(event) => {
            // Focus moving to nothing is a click on the menu's own text; outside presses close it above.
            const next = event.relatedTarget;
            if (next && !event.currentTarget.contains(next)) event.currentTarget.open = false;
          }}
        >
          <summary className={buttonClasses("secondary", "md", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
            {chosen.size === sources.length ? "All sources" : `${chosen.size} of ${sources.length} sources`}
            <svg
              viewBox="0 0 20 20"
              className="size-4 text-slate-500 group-open:rotate-180"
              fill="currentColor"
              aria-hidden="true"
            >
              <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
            </svg>
          </summary>
          <fieldset
            className={cn(
              "absolute z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-lg",
              isMenuStartAligned ? "left-0" : "right-0",
            )}
          >
            <legend className="sr-only">Sources to sync</legend>
            <p className="text-xs text-slate-500">Organisation-wide sources run once, in the management account.</p>
            {sources.map((source) => (
              <label key={source.name} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="source"
                  value={source.name}
                  checked={chosen.has(source.name)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(source.name);
                    else next.delete(source.name);
                    setChosen(next);
                  }}
                  className="size-4 rounded border-slate-300"
                />
                {source.title}
              </label>
            ))}
          </fieldset>
        </details>
        {/* Until React owns the page a press would submit the form natively and start nothing. */}
        <Button type="submit" isLoading={start.isPending} disabled={!isBrowser}>
          Sync now
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </form>
  );
}
