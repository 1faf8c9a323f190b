import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { CiSnippet } from "./ci-snippet";
import { PendingUploads } from "./pending-uploads";
import { UploadForm } from "./upload-form";
import { UploadsTable } from "./uploads-table";

export function UploadsSection({ workspace, canUpload }: { workspace: string; canUpload: boolean }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="CI uploads"
        description="Checkov, Trivy and Grype results, SBOMs and incident exports: the evidence AWS APIs cannot give."
      />
      <CardBody className="space-y-5 border-b border-slate-200">
        {canUpload ? (
          <div className="grid gap-5 lg:grid-cols-2">
            <UploadForm workspace={workspace} />
            <CiSnippet workspace={workspace} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">Viewers see what was uploaded; editors and above can upload reports.</p>
        )}
      </CardBody>
      <PendingUploads workspace={workspace} />
      <div>
        <h3 className="px-5 pt-4 pb-2 text-sm font-semibold text-slate-900">Recent uploads</h3>
        <UploadsTable workspace={workspace} />
      </div>
    </Card>
  );
}
