"use client";

import { useIsBrowser } from "./use-is-browser";

// The server does not know the reader's time zone: it renders UTC, and the browser re-renders
// in local time right after hydration, without a hydration mismatch.

const dateOptions: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
const dateTimeOptions: Intl.DateTimeFormatOptions = { ...dateOptions, hour: "2-digit", minute: "2-digit" };

export function DateTime({ value, withTime = false }: { value: Date | string | null | undefined; withTime?: boolean }) {
  const isBrowser = useIsBrowser();
  if (!value) return <span className="text-slate-500">—</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  const options = withTime ? dateTimeOptions : dateOptions;
  const text = isBrowser
    ? new Intl.DateTimeFormat(undefined, options).format(date)
    : `${new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date)}${withTime ? " UTC" : ""}`;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {text}
    </time>
  );
}
