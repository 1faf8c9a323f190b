import { apiError } from "~/server/api/http";
import { crossSiteWriteRefused, isCrossSiteWrite } from "~/server/auth/csrf";
import { handleUploadRequest } from "~/server/uploads/upload-request";

// Outside the proxy's matcher (proxy.ts), so that a large body streams instead of being held
// and cut at the proxy's limit: the CSRF check the proxy makes for other routes is made here.
export async function POST(request: Request) {
  if (isCrossSiteWrite(request)) return crossSiteWriteRefused();
  try {
    const answer = await handleUploadRequest(request);
    return Response.json(answer.body, { status: answer.status });
  } catch (error) {
    return apiError(error);
  }
}
