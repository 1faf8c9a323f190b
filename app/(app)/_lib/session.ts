import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { serverCaller } from "~/server/api/rsc";
import { REQUEST_PATH_HEADER, safeCallbackPath } from "~/server/auth/callback-path";

export { safeCallbackPath };

export function signInPath(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

export const getSignedInUser = cache(async () => (await serverCaller()).auth.me());

// The page asked for, query string included, as the proxy saw it; `fallbackPath` only if absent.
async function requestedPath(fallbackPath: string): Promise<string> {
  return safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER)) ?? fallbackPath;
}

// The signed-in user, or a redirect to sign in that comes back to the page asked for. The
// workspace layout and its page both call this, and either may redirect first: both send the
// same address, never the layout's guess.
export async function requireUser(fallbackPath: string) {
  const user = await getSignedInUser();
  if (!user) redirect(signInPath(await requestedPath(fallbackPath)));
  return user;
}

// The workspace and the caller's role in it. Another workspace's slug is a 404, never its data.
export const getCurrentWorkspace = cache(async (slug: string) => {
  const caller = await serverCaller();
  try {
    return await caller.workspaces.current({ workspace: slug });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED")
      redirect(signInPath(await requestedPath(`/w/${slug}/overview`)));
    // BAD_REQUEST: a slug that cannot exist (e.g. uppercase punctuation) is just as not found.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
