import { apiError } from "~/server/api/http";
import { authenticateApiToken } from "~/server/tokens/tokens.service";

// Lets a CI pipeline check its token before it uploads anything.
export async function GET(request: Request) {
  try {
    const principal = await authenticateApiToken(request.headers.get("authorization"));
    return Response.json({ workspace: principal.workspace.slug, role: principal.role, token: `${principal.prefix}…` });
  } catch (error) {
    return apiError(error);
  }
}
