import { checkovJson, cycloneDxJson, guideline, trivyJson, type CheckovCheck, type CheckovScan } from "./ci-formats";
import type { DemoData } from "./demo-data";
import { createRandom } from "./random";
import { repositories } from "./registries";

// The demo organisation's CI: the reports its pipelines upload to Ladder, beside the fields a
// pipeline sends with each (POST /api/v1/uploads). The story (DESIGN.md): Checkov runs on pull
// requests and on main, but main runs in soft-fail, so the same failed checks land there commit
// after commit; the Terraform monorepo's pull-request scans take over 5 minutes; every image in
// use is scanned with Trivy each night and has an SBOM.

export interface CiReport {
  meta: {
    kind: "checkov" | "trivy" | "sbom";
    repository: string;
    branch: string;
    commit: string;
    pipeline: string;
    filename: string;
    defaultBranch: string;
    durationSeconds?: string;
  };
  /** The file as the tool wrote it. */
  body: string;
}

/** At most this many teams' repositories, however large the simulated organisation. */
const MAX_TEAMS = 5;
const DEFAULT_BRANCH = "main";

const tf = (id: string, name: string, resource: string, file: string, lines: [number, number], docs: string) =>
  ({ id, name, resource, file, lines, severity: null, guideline: guideline(docs) }) satisfies CheckovCheck;

const INFRA_PASSED: CheckovCheck[] = [
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
const INFRA_FAILED: CheckovCheck[] = [
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

const service = (team: string) => ({
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

export function ciReports(data: DemoData): CiReport[] {
  const random = createRandom(data.seed, "ci");
  const owner = data.organization.managementAccount.email.split("@")[1]?.split(".")[0] ?? "demo";
  const scannedAt = new Date(data.today.getTime() + 2 * 3_600_000);
  const reports: CiReport[] = [];
  const add = (meta: Omit<CiReport["meta"], "defaultBranch">, document: unknown) =>
    reports.push({ meta: { ...meta, defaultBranch: DEFAULT_BRANCH }, body: JSON.stringify(document, null, 2) });
  const checkov = (repository: string, branch: string, seconds: number, scans: CheckovScan[]) =>
    add(
      {
        kind: "checkov",
        repository,
        branch,
        commit: random.hex(40),
        pipeline: "checkov",
        filename: "results_json.json",
        durationSeconds: String(seconds),
      },
      checkovJson(scans),
    );

  // The Terraform monorepo: every scan reads all of it, so pull requests wait 5.5 to 10 minutes.
  const infra = `${owner}/infra`;
  for (const branch of ["feature/vpc-endpoints", "feature/rds-proxy", "chore/aws-provider-5-80"]) {
    checkov(infra, branch, random.int(330, 600), [{ framework: "terraform", passed: INFRA_PASSED, failed: INFRA_FAILED }]);
  }
  for (let commit = 0; commit < 2; commit++) {
    checkov(infra, DEFAULT_BRANCH, random.int(480, 720), [
      { framework: "terraform", passed: INFRA_PASSED, failed: INFRA_FAILED },
    ]);
  }

  const teams = data.organization.accounts.filter((a) => a.environment === "prod").slice(0, MAX_TEAMS);
  for (const account of teams) {
    const repository = `${owner}/${account.team}`;
    const checks = service(account.team);
    checkov(repository, `feature/${account.team}-non-root`, random.int(35, 140), [
      { framework: "dockerfile", passed: checks.dockerPassed, failed: [checks.user] },
      { framework: "kubernetes", passed: checks.k8sPassed, failed: [checks.digest] },
    ]);
    checkov(repository, DEFAULT_BRANCH, random.int(35, 140), [
      { framework: "dockerfile", passed: [...checks.dockerPassed, checks.user], failed: [] },
      { framework: "kubernetes", passed: checks.k8sPassed, failed: [checks.digest] },
    ]);
    const built = reports.at(-1)?.meta.commit ?? random.hex(40);

    // The nightly scan of what runs in production: the image tagged latest in each repository.
    for (const repo of repositories(data, account.id)) {
      const image = repo.images.find((i) => i.tags.includes("latest"));
      if (!image) continue;
      const component = repo.name.split("/").at(-1) ?? repo.name;
      const scan = { repository, branch: DEFAULT_BRANCH, commit: built };
      add(
        { ...scan, kind: "trivy", pipeline: "nightly-image-scan", filename: `trivy-${component}.json` },
        trivyJson({ uri: repo.uri, tag: "latest", image, scannedAt }),
      );
      add(
        { ...scan, kind: "sbom", pipeline: "nightly-image-scan", filename: `sbom-${component}.cdx.json` },
        cycloneDxJson({ name: repo.name, tag: "latest", image, createdAt: scannedAt, serial: uuidFrom(random.hex(32)) }),
      );
    }
  }
  return reports;
}

const uuidFrom = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
