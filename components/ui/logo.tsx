export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900 ${className}`}>
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true" fill="none">
        <rect width="24" height="24" rx="6" className="fill-slate-900" />
        <path d="M8 5v14M16 5v14M8 8.5h8M8 12h8M8 15.5h8" stroke="white" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      Ladder
    </span>
  );
}
