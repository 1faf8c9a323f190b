import type { Role } from "~/generated/prisma/client";
import { getSessionUser } from "~/server/auth/session";
import { AppError } from "~/server/errors";
import { authenticateApiToken } from "~/server/tokens/tokens.service";
import { findMembership } from "~/server/workspaces/workspaces.service";

// Who is calling a plain HTTP endpoint (/api/v1/*): CI sends a workspace token; the browser
// sends its session cookie and names the workspace. Non-members get NOT_FOUND, as in tRPC.

export interface RequestPrincipal {
  workspaceId: string;
  workspaceSlug: string;
  role: Role;
  userId?: string;
  tokenId?: string;
}

// A request with an Authorization header is authenticated by it alone, never by the cookie.
export async function requestPrincipal(request: Request, workspaceSlug: () => Promise<string | undefined> | string | undefined) {
  if (request.headers.get("authorization") !== null) {
    const token = await authenticateApiToken(request.headers.get("authorization"));
    const principal = {
      workspaceId: token.workspace.id,
      workspaceSlug: token.workspace.slug,
      role: token.role,
      tokenId: token.tokenId,
    } satisfies RequestPrincipal;
    assertTokenWorkspace(principal, await workspaceSlug());
    return principal;
  }
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Send a workspace API token as `Authorization: Bearer ldr_…`.");
  const workspace = await workspaceSlug();
  if (!workspace) throw new AppError("BAD_REQUEST", "Name the workspace in the field “workspace”.");
  const membership = await findMembership({ userId: user.id, slug: workspace });
  if (!membership) throw new AppError("NOT_FOUND", "That workspace was not found.");
  return {
    workspaceId: membership.workspace.id,
    workspaceSlug: membership.workspace.slug,
    role: membership.role,
    userId: user.id,
  } satisfies RequestPrincipal;
}

// A token acts on its own workspace only. Naming another one is a contradiction in the request
// (400), answered the same whether that workspace exists or not; acting on the token's own
// workspace instead, as before, sent a CI job's data where its author did not mean it to go.
// Route handlers that read the workspace field after authenticating (uploads read it from the
// form) call this themselves; a session principal was found by that slug already.
export function assertTokenWorkspace(principal: RequestPrincipal, slug: string | undefined): void {
  if (principal.tokenId === undefined || !slug || slug === principal.workspaceSlug) return;
  throw new AppError(
    "BAD_REQUEST",
    `This token belongs to workspace “${principal.workspaceSlug}”, not “${slug}”. Leave out “workspace”, or use a token of that workspace.`,
    "workspace",
  );
}
