import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { serverCaller } from "~/server/api/rsc";

// Same-site paths only, so a crafted link cannot bounce a fresh session to another site.
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return undefined;
  return value;
}

export function signInPath(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

export const getSignedInUser = cache(async () => (await serverCaller()).auth.me());

// The signed-in user, or a redirect to sign in that comes back to `callbackPath`.
export async function requireUser(callbackPath: string) {
  const user = await getSignedInUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

// The workspace and the caller's role in it. Another workspace's slug is a 404, never its data.
export const getCurrentWorkspace = cache(async (slug: string) => {
  const caller = await serverCaller();
  try {
    return await caller.workspaces.current({ workspace: slug });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(signInPath(`/w/${slug}/overview`));
    // BAD_REQUEST: a slug that cannot exist (e.g. uppercase punctuation) is just as not found.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
