import { AppError } from "~/server/errors";

export const emptyUpload = () =>
  new AppError("BAD_REQUEST", "The upload is empty. Check that the scanner wrote its report before the upload step ran.");

export const looksLikeXml =
  "The upload is not JSON: it looks like XML. Upload the JSON output instead (SARIF, cyclonedx-json, spdx-json or the tool's json format).";

export const endsEarly = (line: number) =>
  `The upload is not valid JSON: it ends early, at line ${line}, in the middle of a value. The file was probably truncated; upload the complete report.`;
