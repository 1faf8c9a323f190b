import { apiError } from "~/server/api/http";
import { handleUploadStatusRequest } from "~/server/uploads/upload-status-request";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return Response.json(await handleUploadStatusRequest(request, (await context.params).id));
  } catch (error) {
    return apiError(error);
  }
}
