import { apiError } from "~/server/api/http";
import { handleUploadRequest } from "~/server/uploads/upload-request";

export async function POST(request: Request) {
  try {
    return Response.json(await handleUploadRequest(request), { status: 201 });
  } catch (error) {
    return apiError(error);
  }
}
