import type { Actor } from "~/server/audit/audit.service";
import { AppError } from "~/server/errors";
import { receiveUpload, type UploadMeta } from "~/server/uploads/uploads.service";

interface CiReport {
  meta: UploadMeta;
  body: string;
}

// The demo organisation's CI evidence: the Checkov, Trivy and CycloneDX reports its simulated
// pipelines write (simulator/data/ci-reports.ts), stored through the same path as a report sent
// to POST /api/v1/uploads, marked as coming from the demo organisation so they are labelled as
// demo and go when it is removed.
export async function sendDemoCiReports(opts: {
  workspaceId: string;
  actor: Actor;
  organizationRef: string;
  controlUrl: string;
}) {
  const response = await fetch(new URL("/_simulator/ci-reports", opts.controlUrl));
  if (!response.ok) throw new AppError("BAD_REQUEST", `The AWS simulator has no CI reports: ${await response.text()}`);
  const { reports } = (await response.json()) as { reports: CiReport[] };
  const uploader = {
    workspaceId: opts.workspaceId,
    role: "editor" as const,
    ...(opts.actor.userId ? { userId: opts.actor.userId } : {}),
    demoOrganizationRef: opts.organizationRef,
  };
  const stored = [];
  for (const report of reports) {
    stored.push(
      await receiveUpload({ uploader, text: report.body, sizeBytes: Buffer.byteLength(report.body), meta: report.meta }),
    );
  }
  return stored;
}
