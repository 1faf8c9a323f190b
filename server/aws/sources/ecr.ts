import {
  type ECRClient,
  GetRegistryScanningConfigurationCommand,
  paginateDescribeImages,
  paginateDescribeRepositories,
} from "@aws-sdk/client-ecr";
import { type EcrFindingRecord, listImageFindings } from "./ecr-findings";
import { type AccountScope, checkAborted, clientFor, type FetchContext, scopeOf, withClient } from "./types";

export type { EcrFindingRecord } from "./ecr-findings";

/** Natural key: arn. */
export interface EcrRepositoryRecord extends AccountScope {
  arn: string;
  name: string;
  uri: string;
  registryId: string;
  scanOnPush: boolean;
  createdAt: Date | null;
  imageTagMutability: string;
}

/** Natural key: (accountId, region). */
export interface EcrRegistryScanningRecord extends AccountScope {
  registryId: string;
  scanType: string;
  rules: Array<{ scanFrequency: string; repositoryFilters: Array<{ filter: string; filterType: string }> }>;
}

/** Natural key: (registryId, repositoryName, digest). */
export interface EcrImageRecord extends AccountScope {
  registryId: string;
  repositoryName: string;
  digest: string;
  tags: string[];
  pushedAt: Date | null;
  lastRecordedPullTime: Date | null;
  sizeBytes: number | null;
  /** COMPLETE, ACTIVE, FAILED…; null when the image was never scanned. */
  scanStatus: string | null;
  scanCompletedAt: Date | null;
  findingSeverityCounts: Record<string, number>;
}

export interface EcrRepositoryInventory {
  repository: EcrRepositoryRecord;
  images: EcrImageRecord[];
  /** Findings of the `findingsImagesPerRepository` images most likely in use (see ecrInventory). */
  findings: EcrFindingRecord[];
}

// Findings take one request per image (and page). Registries keep hundreds of old images per
// repository; the images pulled and pushed most recently are the ones running, and the
// per-image severity counts from DescribeImages still cover every image without a fan-out.
export const DEFAULT_FINDINGS_IMAGES_PER_REPOSITORY = 5;

const SCANNED = new Set(["COMPLETE", "ACTIVE"]);

async function listRepositories(ctx: FetchContext, client: ECRClient): Promise<EcrRepositoryRecord[]> {
  const scope = scopeOf(ctx);
  const records: EcrRepositoryRecord[] = [];
  for await (const page of paginateDescribeRepositories({ client, pageSize: 1000 }, {})) {
    checkAborted(ctx);
    for (const r of page.repositories ?? []) {
      records.push({
        ...scope,
        arn: r.repositoryArn ?? "",
        name: r.repositoryName ?? "",
        uri: r.repositoryUri ?? "",
        registryId: r.registryId ?? ctx.accountId,
        scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
        createdAt: r.createdAt ?? null,
        imageTagMutability: r.imageTagMutability ?? "MUTABLE",
      });
    }
  }
  return records;
}

async function listImages(ctx: FetchContext, client: ECRClient, repo: EcrRepositoryRecord): Promise<EcrImageRecord[]> {
  const records: EcrImageRecord[] = [];
  for await (const page of paginateDescribeImages(
    { client, pageSize: 1000 },
    { registryId: repo.registryId, repositoryName: repo.name },
  )) {
    checkAborted(ctx);
    for (const i of page.imageDetails ?? []) {
      const counts: Record<string, number> = {};
      for (const [severity, n] of Object.entries(i.imageScanFindingsSummary?.findingSeverityCounts ?? {})) counts[severity] = n;
      records.push({
        accountId: repo.accountId,
        region: repo.region,
        registryId: repo.registryId,
        repositoryName: repo.name,
        digest: i.imageDigest ?? "",
        tags: i.imageTags ?? [],
        pushedAt: i.imagePushedAt ?? null,
        lastRecordedPullTime: i.lastRecordedPullTime ?? null,
        sizeBytes: i.imageSizeInBytes ?? null,
        scanStatus: i.imageScanStatus?.status ?? null,
        scanCompletedAt: i.imageScanFindingsSummary?.imageScanCompletedAt ?? null,
        findingSeverityCounts: counts,
      });
    }
  }
  return records;
}

/** Scanned images, most recently pulled first, then most recently pushed. */
export function imagesForFindings(images: readonly EcrImageRecord[], limit: number): EcrImageRecord[] {
  const time = (d: Date | null) => d?.getTime() ?? -Infinity;
  return images
    .filter((i) => i.scanStatus !== null && SCANNED.has(i.scanStatus))
    .sort((a, b) => time(b.lastRecordedPullTime) - time(a.lastRecordedPullTime) || time(b.pushedAt) - time(a.pushedAt))
    .slice(0, Math.max(0, limit));
}

export function fetchRepositories(ctx: FetchContext): Promise<EcrRepositoryRecord[]> {
  return withClient(ctx, "ecr", (client) => listRepositories(ctx, client));
}

export function fetchRegistryScanning(ctx: FetchContext): Promise<EcrRegistryScanningRecord> {
  return withClient(ctx, "ecr", async (client) => {
    const out = await client.send(new GetRegistryScanningConfigurationCommand({}));
    return {
      ...scopeOf(ctx),
      registryId: out.registryId ?? ctx.accountId,
      scanType: out.scanningConfiguration?.scanType ?? "BASIC",
      rules: (out.scanningConfiguration?.rules ?? []).map((r) => ({
        scanFrequency: r.scanFrequency ?? "",
        repositoryFilters: (r.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? "", filterType: f.filterType ?? "" })),
      })),
    };
  });
}

/**
 * Per repository: its images and the findings of the images most likely in use. Yields one
 * repository at a time so a registry with thousands of images is never held whole.
 */
export async function* ecrInventory(
  ctx: FetchContext,
  { findingsImagesPerRepository = DEFAULT_FINDINGS_IMAGES_PER_REPOSITORY }: { findingsImagesPerRepository?: number } = {},
): AsyncGenerator<EcrRepositoryInventory> {
  const client = clientFor(ctx, "ecr");
  try {
    for (const repository of await listRepositories(ctx, client)) {
      const images = await listImages(ctx, client, repository);
      const findings: EcrFindingRecord[] = [];
      for (const image of imagesForFindings(images, findingsImagesPerRepository)) {
        const ref = { registryId: image.registryId, repositoryName: image.repositoryName, imageDigest: image.digest };
        findings.push(...(await listImageFindings(ctx, client, scopeOf(ctx), ref)));
      }
      yield { repository, images, findings };
    }
  } finally {
    client.destroy();
  }
}
