import { apiError } from "~/server/api/http";
import { handleFinopsExport } from "~/server/finops/export-request";

export async function GET(request: Request) {
  try {
    return await handleFinopsExport(request);
  } catch (error) {
    return apiError(error);
  }
}
