-- The CI reports the demo organisation brings are labelled as demo and go with it.
ALTER TABLE "Upload" ADD COLUMN "demoOrganizationRefId" TEXT;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_demoOrganizationRefId_fkey" FOREIGN KEY ("demoOrganizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
