import { requestPrincipal } from "~/server/api/principal";
import { getUploadStatus } from "./intake.service";

// GET /api/v1/uploads/:id: a token of the upload's workspace (any role), or a session with
// ?workspace=<slug>. Another workspace's upload is NOT_FOUND.
export async function handleUploadStatusRequest(request: Request, id: string) {
  const workspace = new URL(request.url).searchParams.get("workspace") ?? undefined;
  const principal = await requestPrincipal(request, () => workspace);
  return getUploadStatus({ workspaceId: principal.workspaceId, id });
}
