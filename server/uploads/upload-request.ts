import { getSessionUser } from "~/server/auth/session";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { authenticateApiToken } from "~/server/tokens/tokens.service";
import { findMembership } from "~/server/workspaces/workspaces.service";
import { receiveUpload, type Uploader } from "./uploads.service";

// POST /api/v1/uploads: CI sends a workspace token; the browser sends its session cookie and
// names the workspace. Both reach the same parser and the same transaction.
export async function handleUploadRequest(request: Request) {
  const limitBytes = env().LADDER_UPLOAD_MAX_MB * 1024 * 1024;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limitBytes + 64 * 1024) throw tooLarge(limitBytes);
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "BAD_REQUEST",
      "Send the file as multipart/form-data in the field “file”, e.g. curl -F file=@results.sarif …",
    );
  }

  const hasBearer = request.headers.get("authorization") !== null;
  const tokenPrincipal = hasBearer ? await authenticateApiToken(request.headers.get("authorization")) : undefined;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart body could not be read; send the file in the field “file”.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("BAD_REQUEST", "The form has no file in the field “file”.");
  if (file.size === 0) throw new AppError("BAD_REQUEST", "The uploaded file is empty.");
  if (file.size > limitBytes) throw tooLarge(limitBytes);

  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const uploader: Uploader = tokenPrincipal
    ? { workspaceId: tokenPrincipal.workspace.id, role: tokenPrincipal.role, tokenId: tokenPrincipal.tokenId }
    : await sessionUploader(request, field("workspace"));
  return receiveUpload({
    uploader,
    text: await file.text(),
    sizeBytes: file.size,
    meta: {
      kind: field("kind"),
      repository: field("repository"),
      branch: field("branch"),
      commit: field("commit"),
      pipeline: field("pipeline"),
      filename: "name" in file && typeof file.name === "string" ? file.name : undefined,
    },
  });
}

async function sessionUploader(request: Request, workspace: string | undefined): Promise<Uploader> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Send a workspace API token as `Authorization: Bearer ldr_…`.");
  if (!workspace) throw new AppError("BAD_REQUEST", "Name the workspace in the field “workspace”.");
  const membership = await findMembership({ userId: user.id, slug: workspace });
  if (!membership) throw new AppError("NOT_FOUND", "That workspace was not found.");
  return { workspaceId: membership.workspace.id, role: membership.role, userId: user.id };
}

const tooLarge = (limit: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB limit (LADDER_UPLOAD_MAX_MB).`,
  );
