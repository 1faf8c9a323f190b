import { AppError } from "~/server/errors";
import { findJsonErrorOffset } from "./json-error-offset";

// Far above any real scan or SBOM; stops a runaway upload before JSON.parse holds it all twice.
export const maxUploadCharacters = 64 * 1024 * 1024;

export function parseJsonText(text: string): unknown {
  // PowerShell and some Windows tools write a UTF-8 byte-order mark that JSON.parse rejects.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new AppError("BAD_REQUEST", "The upload is empty. Check that the scanner wrote its report before the upload step ran.");
  }
  if (body.length > maxUploadCharacters) {
    const megabytes = Math.ceil(body.length / (1024 * 1024));
    throw new AppError(
      "BAD_REQUEST",
      `The upload is ${megabytes} MB; the limit is 64 MB. Split the scan or upload fewer targets at once.`,
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", describeJsonError(body));
  }
}

function describeJsonError(body: string): string {
  const start = body.trimStart();
  if (start.startsWith("<")) {
    return "The upload is not JSON: it looks like XML. Upload the JSON output instead (SARIF, cyclonedx-json, spdx-json or the tool's json format).";
  }
  const offset = findJsonErrorOffset(body);
  if (offset < 0) return "The upload is not valid JSON.";
  if (offset >= body.length) {
    const { line } = lineAndColumn(body, body.length);
    return `The upload is not valid JSON: it ends early, at line ${line}, in the middle of a value. The file was probably truncated; upload the complete report.`;
  }
  const { line, column } = lineAndColumn(body, offset);
  const found = JSON.stringify(body.slice(offset, offset + 12));
  return `The upload is not valid JSON: unexpected ${found} at line ${line}, column ${column}.`;
}

function lineAndColumn(body: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (body.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
