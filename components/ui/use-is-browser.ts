"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False on the server and during hydration, true once React owns the page in the browser:
// controls whose handlers must be attached (file pickers, drop zones) stay disabled until then,
// so a file chosen on a slow page is never silently dropped.
export function useIsBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
