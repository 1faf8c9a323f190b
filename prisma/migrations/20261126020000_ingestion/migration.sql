-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "syncEveryHours" INTEGER DEFAULT 24;

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'denied', 'skipped');

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "tasksTotal" INTEGER NOT NULL DEFAULT 0,
    "tasksDone" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncTask" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "rowsInserted" INTEGER NOT NULL DEFAULT 0,
    "rowsUpdated" INTEGER NOT NULL DEFAULT 0,
    "rowsDeleted" INTEGER NOT NULL DEFAULT 0,
    "apiCalls" JSONB NOT NULL DEFAULT '{}',
    "ceRequests" INTEGER NOT NULL DEFAULT 0,
    "deniedAction" TEXT,
    "error" TEXT,
    CONSTRAINT "SyncTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "organizationRefId" TEXT NOT NULL,
    "ouId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "lastSeenRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgMember" (
    "id" TEXT NOT NULL,
    "organizationRefId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,
    "ouPath" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OrgMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scp" (
    "id" TEXT NOT NULL,
    "organizationRefId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "awsManaged" BOOLEAN NOT NULL,
    "content" JSONB NOT NULL,
    "targets" JSONB NOT NULL DEFAULT '[]',
    "lastSeenRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Scp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegatedAdmin" (
    "id" TEXT NOT NULL,
    "organizationRefId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "servicePrincipal" TEXT NOT NULL,
    "enabledAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DelegatedAdmin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsTrail" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "homeRegion" TEXT NOT NULL,
    "isOrganizationTrail" BOOLEAN NOT NULL,
    "isMultiRegion" BOOLEAN NOT NULL,
    "logFileValidation" BOOLEAN NOT NULL,
    "isLogging" BOOLEAN NOT NULL,
    "s3BucketName" TEXT,
    "latestDeliveryAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AwsTrail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostDaily" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "accountId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "unblended" DECIMAL(20,6) NOT NULL,
    "amortized" DECIMAL(20,6) NOT NULL,
    "currency" TEXT NOT NULL,
    "estimated" BOOLEAN NOT NULL,
    "lastSeenRunId" TEXT,
    CONSTRAINT "CostDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ec2CostDaily" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "accountId" TEXT NOT NULL,
    "instanceType" TEXT NOT NULL,
    "purchaseType" TEXT NOT NULL,
    "unblended" DECIMAL(20,6) NOT NULL,
    "amortized" DECIMAL(20,6) NOT NULL,
    "usageHours" DECIMAL(20,6) NOT NULL,
    "estimated" BOOLEAN NOT NULL,
    "lastSeenRunId" TEXT,
    CONSTRAINT "Ec2CostDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodePoolCostDaily" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "accountId" TEXT NOT NULL,
    "nodePool" TEXT NOT NULL,
    "purchaseType" TEXT NOT NULL,
    "unblended" DECIMAL(20,6) NOT NULL,
    "amortized" DECIMAL(20,6) NOT NULL,
    "estimated" BOOLEAN NOT NULL,
    "lastSeenRunId" TEXT,
    CONSTRAINT "NodePoolCostDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentDaily" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "percentage" DECIMAL(9,4),
    "commitment" DECIMAL(20,6),
    "used" DECIMAL(20,6),
    "unused" DECIMAL(20,6),
    "netSavings" DECIMAL(20,6),
    "onDemandCost" DECIMAL(20,6),
    "hours" DECIMAL(20,6),
    "unusedHours" DECIMAL(20,6),
    "lastSeenRunId" TEXT,
    CONSTRAINT "CommitmentDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EcrRepository" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "scanOnPush" BOOLEAN NOT NULL,
    "tagMutability" TEXT,
    "createdAtAws" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "EcrRepository_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EcrRegistryScanning" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "scanType" TEXT NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "lastSeenRunId" TEXT,
    CONSTRAINT "EcrRegistryScanning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EcrImage" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "repositoryName" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "tags" TEXT[] NOT NULL,
    "pushedAt" TIMESTAMP(3),
    "lastPulledAt" TIMESTAMP(3),
    "scanStatus" TEXT,
    "severityCounts" JSONB NOT NULL DEFAULT '{}',
    "lastSeenRunId" TEXT,
    CONSTRAINT "EcrImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EcrFinding" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "repositoryName" TEXT NOT NULL,
    "imageDigest" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "packageName" TEXT NOT NULL,
    "packageVersion" TEXT NOT NULL,
    "uri" TEXT,
    "firstObservedAt" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "EcrFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectorFinding" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "findingArn" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "resourceType" TEXT,
    "resourceId" TEXT,
    "vulnerabilityId" TEXT,
    "packageName" TEXT,
    "fixAvailable" TEXT,
    "firstObservedAt" TIMESTAMP(3),
    "lastObservedAt" TIMESTAMP(3),
    "updatedAtAws" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "InspectorFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FisTemplate" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "targets" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "stopConditions" JSONB NOT NULL,
    "hasStopConditions" BOOLEAN NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdAtAws" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "FisTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FisExperiment" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "startTime" TIMESTAMP(3),
    "endTime" TIMESTAMP(3),
    "actions" JSONB NOT NULL DEFAULT '{}',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "lastSeenRunId" TEXT,
    CONSTRAINT "FisExperiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CloudWatchAlarm" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "stateUpdatedAt" TIMESTAMP(3),
    "namespace" TEXT,
    "metricName" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "lastSeenRunId" TEXT,
    CONSTRAINT "CloudWatchAlarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "awsAccountRef" TEXT,
    "source" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "accountId" TEXT,
    "service" TEXT,
    "severity" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "uploadId" TEXT,
    "lastSeenRunId" TEXT,
    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentGroup" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "applicationName" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "deploymentConfig" TEXT NOT NULL,
    "deploymentStyle" TEXT NOT NULL,
    "computePlatform" TEXT,
    "autoRollbackEnabled" BOOLEAN NOT NULL,
    "autoRollbackEvents" TEXT[] NOT NULL,
    "alarmsEnabled" BOOLEAN NOT NULL,
    "alarms" TEXT[] NOT NULL,
    "lastSeenRunId" TEXT,
    CONSTRAINT "DeploymentGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "applicationName" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deploymentConfig" TEXT,
    "createdAtAws" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "rolledBack" BOOLEAN NOT NULL DEFAULT false,
    "errorCode" TEXT,
    "lastSeenRunId" TEXT,
    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XraySamplingRule" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "ruleName" TEXT NOT NULL,
    "ruleArn" TEXT,
    "priority" INTEGER NOT NULL,
    "fixedRate" DECIMAL(9,6) NOT NULL,
    "reservoirSize" INTEGER NOT NULL,
    "serviceName" TEXT NOT NULL,
    "host" TEXT,
    "lastSeenRunId" TEXT,
    CONSTRAINT "XraySamplingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EksCluster" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "version" TEXT,
    "status" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdAtAws" TIMESTAMP(3),
    "lastSeenRunId" TEXT,
    CONSTRAINT "EksCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EksAddon" (
    "id" TEXT NOT NULL,
    "awsAccountRef" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "clusterName" TEXT NOT NULL,
    "addonName" TEXT NOT NULL,
    "version" TEXT,
    "status" TEXT,
    "lastSeenRunId" TEXT,
    CONSTRAINT "EksAddon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "toolVersion" TEXT,
    "specVersion" TEXT,
    "filename" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "repository" TEXT,
    "branch" TEXT,
    "commit" TEXT,
    "pipeline" TEXT,
    "summary" JSONB NOT NULL,
    "uploadedById" TEXT,
    "tokenId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadFinding" (
    "id" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "resource" TEXT,
    "file" TEXT,
    "line" INTEGER,
    "packageName" TEXT,
    "installedVersion" TEXT,
    "fixedVersion" TEXT,
    "vulnerabilityId" TEXT,
    "cvss" DECIMAL(4,1),
    "url" TEXT,
    CONSTRAINT "UploadFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SbomComponent" (
    "id" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "purl" TEXT,
    "name" TEXT NOT NULL,
    "version" TEXT,
    "type" TEXT,
    "licenses" TEXT[] NOT NULL,
    "supplier" TEXT,
    CONSTRAINT "SbomComponent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncRun_workspaceId_createdAt_idx" ON "SyncRun"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncTask_awsAccountRef_source_finishedAt_idx" ON "SyncTask"("awsAccountRef", "source", "finishedAt");

-- CreateIndex
CREATE INDEX "SyncTask_workspaceId_status_idx" ON "SyncTask"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SyncTask_runId_awsAccountRef_source_key" ON "SyncTask"("runId", "awsAccountRef", "source");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_organizationRefId_ouId_key" ON "OrgUnit"("organizationRefId", "ouId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgMember_organizationRefId_accountId_key" ON "OrgMember"("organizationRefId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Scp_organizationRefId_policyId_key" ON "Scp"("organizationRefId", "policyId");

-- CreateIndex
CREATE UNIQUE INDEX "DelegatedAdmin_organizationRefId_accountId_servicePrincipal_key" ON "DelegatedAdmin"("organizationRefId", "accountId", "servicePrincipal");

-- CreateIndex
CREATE UNIQUE INDEX "AwsTrail_awsAccountRef_arn_key" ON "AwsTrail"("awsAccountRef", "arn");

-- CreateIndex
CREATE INDEX "CostDaily_awsAccountRef_accountId_day_idx" ON "CostDaily"("awsAccountRef", "accountId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "CostDaily_awsAccountRef_day_accountId_service_key" ON "CostDaily"("awsAccountRef", "day", "accountId", "service");

-- CreateIndex
CREATE UNIQUE INDEX "Ec2CostDaily_awsAccountRef_day_accountId_instanceType_purch_key" ON "Ec2CostDaily"("awsAccountRef", "day", "accountId", "instanceType", "purchaseType");

-- CreateIndex
CREATE UNIQUE INDEX "NodePoolCostDaily_awsAccountRef_day_accountId_nodePool_purc_key" ON "NodePoolCostDaily"("awsAccountRef", "day", "accountId", "nodePool", "purchaseType");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentDaily_awsAccountRef_day_kind_accountId_subscripti_key" ON "CommitmentDaily"("awsAccountRef", "day", "kind", "accountId", "subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "EcrRepository_awsAccountRef_region_name_key" ON "EcrRepository"("awsAccountRef", "region", "name");

-- CreateIndex
CREATE UNIQUE INDEX "EcrRegistryScanning_awsAccountRef_region_key" ON "EcrRegistryScanning"("awsAccountRef", "region");

-- CreateIndex
CREATE UNIQUE INDEX "EcrImage_awsAccountRef_region_repositoryName_digest_key" ON "EcrImage"("awsAccountRef", "region", "repositoryName", "digest");

-- CreateIndex
CREATE UNIQUE INDEX "EcrFinding_awsAccountRef_region_repositoryName_imageDigest__key" ON "EcrFinding"("awsAccountRef", "region", "repositoryName", "imageDigest", "name", "packageName", "packageVersion");

-- CreateIndex
CREATE INDEX "InspectorFinding_accountId_severity_status_idx" ON "InspectorFinding"("accountId", "severity", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InspectorFinding_awsAccountRef_findingArn_key" ON "InspectorFinding"("awsAccountRef", "findingArn");

-- CreateIndex
CREATE UNIQUE INDEX "FisTemplate_awsAccountRef_region_templateId_key" ON "FisTemplate"("awsAccountRef", "region", "templateId");

-- CreateIndex
CREATE UNIQUE INDEX "FisExperiment_awsAccountRef_region_experimentId_key" ON "FisExperiment"("awsAccountRef", "region", "experimentId");

-- CreateIndex
CREATE UNIQUE INDEX "CloudWatchAlarm_awsAccountRef_region_arn_key" ON "CloudWatchAlarm"("awsAccountRef", "region", "arn");

-- CreateIndex
CREATE INDEX "Incident_workspaceId_startedAt_idx" ON "Incident"("workspaceId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_workspaceId_source_externalKey_key" ON "Incident"("workspaceId", "source", "externalKey");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentGroup_awsAccountRef_region_applicationName_groupN_key" ON "DeploymentGroup"("awsAccountRef", "region", "applicationName", "groupName");

-- CreateIndex
CREATE INDEX "Deployment_awsAccountRef_createdAtAws_idx" ON "Deployment"("awsAccountRef", "createdAtAws");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_awsAccountRef_region_deploymentId_key" ON "Deployment"("awsAccountRef", "region", "deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "XraySamplingRule_awsAccountRef_region_ruleName_key" ON "XraySamplingRule"("awsAccountRef", "region", "ruleName");

-- CreateIndex
CREATE UNIQUE INDEX "EksCluster_awsAccountRef_region_name_key" ON "EksCluster"("awsAccountRef", "region", "name");

-- CreateIndex
CREATE UNIQUE INDEX "EksAddon_awsAccountRef_region_clusterName_addonName_key" ON "EksAddon"("awsAccountRef", "region", "clusterName", "addonName");

-- CreateIndex
CREATE INDEX "Upload_workspaceId_createdAt_idx" ON "Upload"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Upload_workspaceId_repository_kind_idx" ON "Upload"("workspaceId", "repository", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "UploadFinding_uploadId_fingerprint_key" ON "UploadFinding"("uploadId", "fingerprint");

-- CreateIndex
CREATE INDEX "SbomComponent_uploadId_idx" ON "SbomComponent"("uploadId");

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncTask" ADD CONSTRAINT "SyncTask_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncTask" ADD CONSTRAINT "SyncTask_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_organizationRefId_fkey" FOREIGN KEY ("organizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgMember" ADD CONSTRAINT "OrgMember_organizationRefId_fkey" FOREIGN KEY ("organizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scp" ADD CONSTRAINT "Scp_organizationRefId_fkey" FOREIGN KEY ("organizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegatedAdmin" ADD CONSTRAINT "DelegatedAdmin_organizationRefId_fkey" FOREIGN KEY ("organizationRefId") REFERENCES "AwsOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsTrail" ADD CONSTRAINT "AwsTrail_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDaily" ADD CONSTRAINT "CostDaily_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ec2CostDaily" ADD CONSTRAINT "Ec2CostDaily_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodePoolCostDaily" ADD CONSTRAINT "NodePoolCostDaily_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentDaily" ADD CONSTRAINT "CommitmentDaily_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EcrRepository" ADD CONSTRAINT "EcrRepository_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EcrRegistryScanning" ADD CONSTRAINT "EcrRegistryScanning_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EcrImage" ADD CONSTRAINT "EcrImage_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EcrFinding" ADD CONSTRAINT "EcrFinding_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorFinding" ADD CONSTRAINT "InspectorFinding_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FisTemplate" ADD CONSTRAINT "FisTemplate_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FisExperiment" ADD CONSTRAINT "FisExperiment_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CloudWatchAlarm" ADD CONSTRAINT "CloudWatchAlarm_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentGroup" ADD CONSTRAINT "DeploymentGroup_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XraySamplingRule" ADD CONSTRAINT "XraySamplingRule_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EksCluster" ADD CONSTRAINT "EksCluster_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EksAddon" ADD CONSTRAINT "EksAddon_awsAccountRef_fkey" FOREIGN KEY ("awsAccountRef") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadFinding" ADD CONSTRAINT "UploadFinding_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SbomComponent" ADD CONSTRAINT "SbomComponent_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
