// Sends a FOCUS export to the upload endpoint with the session cookie, reporting the bytes sent
// (fetch cannot report upload progress; XMLHttpRequest can). Same origin, so the endpoint's
// cross-site check lets it through.

export type SendAnswer = { status: "stored"; body: unknown } | { status: "queued"; id: string };

export function sendFocusFile(workspace: string, file: File, onProgress: (fraction: number) => void): Promise<SendAnswer> {
  const body = new FormData();
  // The server reads the form as a stream and needs the workspace before the file.
  body.set("workspace", workspace);
  body.set("kind", "focus");
  body.set("file", file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/uploads?workspace=${encodeURIComponent(workspace)}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error("The upload did not reach Ladder (network error)."));
    request.onload = () => {
      const json = request.response as { id?: string; error?: { message?: string } } | null;
      if (request.status === 202 && json?.id) resolve({ status: "queued", id: json.id });
      else if (request.status >= 200 && request.status < 300) resolve({ status: "stored", body: json });
      else reject(new Error(json?.error?.message ?? `The upload failed (HTTP ${request.status}).`));
    };
    request.send(body);
  });
}
