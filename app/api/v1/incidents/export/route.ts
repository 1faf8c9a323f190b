import { apiError } from "~/server/api/http";
import { handleIncidentsExport } from "~/server/incidents/export-request";

export async function GET(request: Request) {
  try {
    return await handleIncidentsExport(request);
  } catch (error) {
    return apiError(error);
  }
}
