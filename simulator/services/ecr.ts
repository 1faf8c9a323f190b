import { SERVICES } from "../catalog";
import { type Image, repositories, type Repository, severityCounts } from "../data/registries";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

const invalidToken = () =>
  new SimError(
    "InvalidParameterException",
    "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'",
    400,
  );

function repository(context: CallContext, input: Input): Repository {
  const name = input.requiredString("repositoryName");
  const registryId = input.string("registryId") ?? context.principal.accountId;
  const repo =
    registryId === context.principal.accountId
      ? repositories(context.state.data, registryId).find((r) => r.name === name)
      : undefined;
  if (!repo) {
    throw new SimError(
      "RepositoryNotFoundException",
      `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
      400,
    );
  }
  return repo;
}

function findImage(repo: Repository, imageId: Input | undefined, registryId: string): Image {
  const digest = imageId?.string("imageDigest");
  const tag = imageId?.string("imageTag");
  const image = repo.images.find(
    (i) => (digest !== undefined && i.digest === digest) || (tag !== undefined && i.tags.includes(tag)),
  );
  if (!image) {
    throw new SimError(
      "ImageNotFoundException",
      `The image with imageId {imageDigest:'${digest ?? "null"}', imageTag:'${tag ?? "null"}'} does not exist within the repository with name '${repo.name}' in the registry with id '${registryId}'`,
      400,
    );
  }
  return image;
}

function imageDetail(repo: Repository, image: Image, registryId: string) {
  const completedAt = new Date(image.pushedAt.getTime() + 300_000);
  return {
    registryId,
    repositoryName: repo.name,
    imageDigest: image.digest,
    imageTags: image.tags,
    imageSizeInBytes: image.sizeBytes,
    imagePushedAt: image.pushedAt,
    imageManifestMediaType: "application/vnd.oci.image.manifest.v1+json",
    artifactMediaType: "application/vnd.oci.image.config.v1+json",
    lastRecordedPullTime: image.lastPulledAt,
    imageScanStatus: image.scanned ? { status: "COMPLETE", description: "The scan was completed successfully." } : undefined,
    imageScanFindingsSummary: image.scanned
      ? {
          imageScanCompletedAt: completedAt,
          vulnerabilitySourceUpdatedAt: completedAt,
          findingSeverityCounts: severityCounts(image.findings),
        }
      : undefined,
  };
}

const operations: Record<string, OperationHandler> = {
  DescribeRepositories: (input, context) => {
    const registryId = context.principal.accountId;
    const names = input.strings("repositoryNames");
    const all = repositories(context.state.data, registryId);
    const missing = names.find((n) => !all.some((r) => r.name === n));
    if (missing)
      throw new SimError(
        "RepositoryNotFoundException",
        `The repository with name '${missing}' does not exist in the registry with id '${registryId}'`,
        400,
      );
    const selected = names.length > 0 ? all.filter((r) => names.includes(r.name)) : all;
    const page = paginate(selected, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 100,
      maxPageSize: 1000,
      scope: `repos:${registryId}`,
      invalidToken,
    });
    return {
      repositories: page.items.map((r) => ({
        repositoryArn: r.arn,
        registryId,
        repositoryName: r.name,
        repositoryUri: r.uri,
        createdAt: r.createdAt,
        imageTagMutability: "MUTABLE",
        imageScanningConfiguration: { scanOnPush: r.scanOnPush },
        encryptionConfiguration: { encryptionType: "AES256" },
      })),
      nextToken: page.nextToken,
    };
  },
  GetRegistryScanningConfiguration: (_input, context) => {
    const registryId = context.principal.accountId;
    const scanned = repositories(context.state.data, registryId).filter((r) => r.scanOnPush);
    return {
      registryId,
      scanningConfiguration: {
        scanType: "BASIC",
        rules:
          scanned.length > 0
            ? [
                {
                  scanFrequency: "SCAN_ON_PUSH",
                  repositoryFilters: scanned.map((r) => ({ filter: r.name, filterType: "WILDCARD" })),
                },
              ]
            : [],
      },
    };
  },
  DescribeImages: (input, context) => {
    const repo = repository(context, input);
    const registryId = context.principal.accountId;
    const wanted = input.objects("imageIds");
    const images = wanted.length > 0 ? wanted.map((id) => findImage(repo, id, registryId)) : repo.images;
    const page = paginate(images, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 100,
      maxPageSize: 1000,
      scope: `images:${repo.arn}`,
      invalidToken,
    });
    return { imageDetails: page.items.map((i) => imageDetail(repo, i, registryId)), nextToken: page.nextToken };
  },
  DescribeImageScanFindings: (input, context) => {
    const repo = repository(context, input);
    const registryId = context.principal.accountId;
    const image = findImage(repo, input.object("imageId"), registryId);
    if (!image.scanned) {
      throw new SimError(
        "ScanNotFoundException",
        `Image scan does not exist for image with '{imageDigest:'${image.digest}', imageTag:'null'}' in the registry with id '${registryId}'`,
        400,
      );
    }
    const active = image.findings.filter((f) => f.status === "ACTIVE");
    const page = paginate(active, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 100,
      maxPageSize: 1000,
      scope: `findings:${image.digest}`,
      invalidToken,
    });
    const completedAt = new Date(image.pushedAt.getTime() + 300_000);
    return {
      registryId,
      repositoryName: repo.name,
      imageId: { imageDigest: image.digest, imageTag: image.tags[0] },
      imageScanStatus: { status: "COMPLETE", description: "The scan was completed successfully." },
      imageScanFindings: {
        imageScanCompletedAt: completedAt,
        vulnerabilitySourceUpdatedAt: completedAt,
        findingSeverityCounts: severityCounts(image.findings),
        findings: page.items.map(({ vulnerability: v }) => ({
          name: v.id,
          description: v.summary,
          uri: `https://nvd.nist.gov/vuln/detail/${v.id}`,
          severity: v.severity,
          attributes: [
            { key: "package_name", value: v.packageName },
            { key: "package_version", value: v.version },
            { key: "CVSS3_SCORE", value: String(v.score) },
          ],
        })),
      },
      nextToken: page.nextToken,
    };
  },
};

export const ecrService: ServiceImpl = { info: SERVICES.ecr, protocol: awsJsonProtocol("1.1"), operations };
