import { requestPrincipal } from "~/server/api/principal";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
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

  // A token is checked before the body is read: a bad token costs no parsing.
  const tokenPrincipal =
    request.headers.get("authorization") !== null ? await requestPrincipal(request, () => undefined) : undefined;
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
  const uploader: Uploader = tokenPrincipal ?? (await requestPrincipal(request, () => field("workspace")));
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
      softFail: field("softFail"),
      durationSeconds: field("durationSeconds"),
      defaultBranch: field("defaultBranch"),
      filename: "name" in file && typeof file.name === "string" ? file.name : undefined,
    },
  });
}

const tooLarge = (limit: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB limit (LADDER_UPLOAD_MAX_MB).`,
  );
