// Shown while a panel's data streams in from the server prefetch.
export function PanelSkeleton({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-3 w-full animate-pulse rounded bg-slate-100" />
      <div className="h-3 w-5/6 animate-pulse rounded bg-slate-100" />
      <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100" />
    </div>
  );
}
