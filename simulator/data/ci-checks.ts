import { guideline, type CheckovCheck } from "./ci-formats";

// The Checkov checks the demo organisation's repositories pass and fail: real check ids, names
// and guideline pages; the resources and files are the demo's own.

const tf = (id: string, name: string, resource: string, file: string, lines: [number, number], docs: string) =>
  ({ id, name, resource, file, lines, severity: null, guideline: guideline(docs) }) satisfies CheckovCheck;

export const INFRA_PASSED: CheckovCheck[] = [
  tf(
    "CKV_AWS_21",
    "Ensure all data stored in the S3 bucket have versioning enabled",
    "aws_s3_bucket.state",
    "/modules/state/main.tf",
    [1, 14],
    "aws-policies/s3-policies/s3-16-enable-versioning",
  ),
  tf(
    "CKV_AWS_145",
    "Ensure that S3 buckets are encrypted with KMS by default",
    "aws_s3_bucket.state",
    "/modules/state/main.tf",
    [1, 14],
    "aws-policies/aws-general-policies/ensure-that-s3-buckets-are-encrypted-with-kms-by-default",
  ),
  tf(
    "CKV_AWS_36",
    "Ensure CloudTrail log file validation is enabled",
    "aws_cloudtrail.organization",
    "/organization/trail.tf",
    [1, 22],
    "aws-policies/logging-policies/logging-2",
  ),
  tf(
    "CKV_AWS_67",
    "Ensure CloudTrail is enabled in all Regions",
    "aws_cloudtrail.organization",
    "/organization/trail.tf",
    [1, 22],
    "aws-policies/logging-policies/logging-1",
  ),
  tf(
    "CKV_AWS_119",
    "Ensure DynamoDB Tables are encrypted using a KMS Customer Managed CMK",
    "aws_dynamodb_table.locks",
    "/modules/state/locks.tf",
    [1, 18],
    "aws-policies/aws-general-policies/bc-aws-52",
  ),
];

// What main keeps carrying in soft-fail: one high, the rest without a severity.
export const INFRA_FAILED: CheckovCheck[] = [
  {
    ...tf(
      "CKV_AWS_24",
      "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22",
      "aws_security_group.bastion",
      "/network/bastion.tf",
      [3, 27],
      "aws-policies/aws-networking-policies/networking-1-port-security",
    ),
    severity: "HIGH",
  },
  tf(
    "CKV_AWS_18",
    "Ensure the S3 bucket has access logging enabled",
    "aws_s3_bucket.artifacts",
    "/modules/storage/main.tf",
    [1, 16],
    "aws-policies/s3-policies/s3-13-enable-logging",
  ),
  tf(
    "CKV_AWS_144",
    "Ensure that S3 bucket has cross-region replication enabled",
    "aws_s3_bucket.artifacts",
    "/modules/storage/main.tf",
    [1, 16],
    "aws-policies/s3-policies/ensure-that-s3-bucket-has-cross-region-replication-enabled",
  ),
  tf(
    "CKV2_AWS_11",
    "Ensure VPC flow logging is enabled in all VPCs",
    "aws_vpc.shared",
    "/network/vpc.tf",
    [1, 12],
    "aws-policies/logging-policies/logging-9-enable-vpc-flow-logging",
  ),
];

/** A team's service repository: its Dockerfile and Kubernetes manifests. */
export const serviceChecks = (team: string) => ({
  dockerPassed: [
    tf(
      "CKV_DOCKER_2",
      "Ensure that HEALTHCHECK instructions have been added to container images",
      "/Dockerfile.",
      "/Dockerfile",
      [1, 18],
      "docker-policies/docker-policy-index/ensure-that-healthcheck-instructions-have-been-added-to-container-images",
    ),
    tf(
      "CKV_DOCKER_7",
      "Ensure the base image uses a non latest version tag",
      `/Dockerfile.FROM`,
      "/Dockerfile",
      [1, 1],
      "docker-policies/docker-policy-index/ensure-the-base-image-uses-a-non-latest-version-tag",
    ),
  ],
  // Caught on the pull request, fixed before merge.
  user: tf(
    "CKV_DOCKER_3",
    "Ensure that a user for the container has been created",
    "/Dockerfile.",
    "/Dockerfile",
    [1, 18],
    "docker-policies/docker-policy-index/ensure-that-a-user-for-the-container-has-been-created",
  ),
  k8sPassed: [
    tf(
      "CKV_K8S_28",
      "Minimize the admission of containers with the NET_RAW capability",
      `Deployment.${team}.api`,
      "/deploy/api.yaml",
      [1, 48],
      "kubernetes-policies/kubernetes-policy-index/bc-k8s-27",
    ),
    tf(
      "CKV_K8S_20",
      "Containers should not run with allowPrivilegeEscalation",
      `Deployment.${team}.api`,
      "/deploy/api.yaml",
      [1, 48],
      "kubernetes-policies/kubernetes-policy-index/bc-k8s-19",
    ),
  ],
  digest: tf(
    "CKV_K8S_43",
    "Image should use digest",
    `Deployment.${team}.api`,
    "/deploy/api.yaml",
    [1, 48],
    "kubernetes-policies/kubernetes-policy-index/bc-k8s-39",
  ),
});
