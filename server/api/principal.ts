import type { Role } from "~/generated/prisma/client";
import { getSessionUser } from "~/server/auth/session";
import { AppError } from "~/server/errors";
import { authenticateApiToken } from "~/server/tokens/tokens.service";
import { findMembership } from "~/server/workspaces/workspaces.service";

// Who is calling a plain HTTP endpoint (/api/v1/*): CI sends a workspace token; the browser
// sends its session cookie and names the workspace. Non-members get NOT_FOUND, as in tRPC.

export interface RequestPrincipal {
  workspaceId: string;
  role: Role;
  userId?: string;
  tokenId?: string;
}

export async function requestPrincipal(request: Request, workspaceSlug: () => Promise<string | undefined> | string | undefined) {
  if (request.headers.get("authorization") !== null) {
    const token = await authenticateApiToken(request.headers.get("authorization"));
    return { workspaceId: token.workspace.id, role: token.role, tokenId: token.tokenId } satisfies RequestPrincipal;
  }
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Send a workspace API token as `Authorization: Bearer ldr_…`.");
  const workspace = await workspaceSlug();
  if (!workspace) throw new AppError("BAD_REQUEST", "Name the workspace in the field “workspace”.");
  const membership = await findMembership({ userId: user.id, slug: workspace });
  if (!membership) throw new AppError("NOT_FOUND", "That workspace was not found.");
  return { workspaceId: membership.workspace.id, role: membership.role, userId: user.id } satisfies RequestPrincipal;
}
