import { AppError } from "~/server/errors";
import { emptyUpload, endsEarly, looksLikeXml } from "~/server/uploads/json/messages";
import { findJsonErrorOffset } from "./json-error-offset";

export function parseJsonText(text: string): unknown {
  // PowerShell and some Windows tools write a UTF-8 byte-order mark that JSON.parse rejects.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") throw emptyUpload();
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", describeJsonError(body));
  }
}

function describeJsonError(body: string): string {
  const start = body.trimStart();
  if (start.startsWith("<")) return looksLikeXml;
  const offset = findJsonErrorOffset(body);
  if (offset < 0) return "The upload is not valid JSON.";
  if (offset >= body.length) {
    return endsEarly(lineAndColumn(body, body.length).line);
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
