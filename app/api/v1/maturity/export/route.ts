import { apiError } from "~/server/api/http";
import { handleExportRequest } from "~/server/maturity/export-request";

export async function GET(request: Request) {
  try {
    return await handleExportRequest(request);
  } catch (error) {
    return apiError(error);
  }
}
