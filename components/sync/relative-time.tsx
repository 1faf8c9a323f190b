"use client";

import { useSyncExternalStore } from "react";
import { formatAgo } from "./format";

// One shared clock, ticking every 30 s; the server renders no relative time (it does not know
// when the page will be read), so hydration never mismatches.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

export function RelativeTime({ value }: { value: Date | string | null | undefined }) {
  const current = useNow();
  if (!value) return <span className="text-slate-500">—</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  const exact = date.toISOString();
  const text = current === null ? `${exact.slice(0, 16).replace("T", " ")} UTC` : formatAgo(date, current);
  return (
    <time dateTime={exact} title={current === null ? exact : date.toLocaleString()}>
      {text}
    </time>
  );
}
