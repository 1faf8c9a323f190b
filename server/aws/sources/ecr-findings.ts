import {
  type ECRClient,
  type EnhancedImageScanFinding,
  type ImageScanFinding,
  paginateDescribeImageScanFindings,
} from "@aws-sdk/client-ecr";
import { type AccountScope, checkAborted, type FetchContext } from "./types";

/**
 * One vulnerability in one image, from a basic scan (`findings`) or an enhanced, Inspector-backed
 * scan (`enhancedFindings`). Natural key: (registryId, repositoryName, imageDigest, name, packageName).
 */
export interface EcrFindingRecord extends AccountScope {
  registryId: string;
  repositoryName: string;
  imageDigest: string;
  source: "basic" | "enhanced";
  /** The CVE (or other advisory) id. */
  name: string;
  severity: string;
  uri: string | null;
  packageName: string;
  packageVersion: string | null;
  description: string | null;
  /** Enhanced scans only. */
  firstObservedAt: Date | null;
  /** Enhanced scans only: ACTIVE, SUPPRESSED or CLOSED. */
  status: string | null;
}

export interface ImageRef {
  registryId: string;
  repositoryName: string;
  imageDigest: string;
}

export function basicFinding(scope: AccountScope, image: ImageRef, f: ImageScanFinding): EcrFindingRecord {
  // Basic scans put the package in key/value attributes, not in fields of their own.
  const attribute = (key: string) => f.attributes?.find((a) => a.key === key)?.value ?? null;
  return {
    ...scope,
    ...image,
    source: "basic",
    name: f.name ?? "",
    severity: f.severity ?? "UNDEFINED",
    uri: f.uri ?? null,
    packageName: attribute("package_name") ?? "",
    packageVersion: attribute("package_version"),
    description: f.description ?? null,
    firstObservedAt: null,
    status: null,
  };
}

export function enhancedFinding(scope: AccountScope, image: ImageRef, f: EnhancedImageScanFinding): EcrFindingRecord {
  const details = f.packageVulnerabilityDetails;
  const pkg = details?.vulnerablePackages?.[0];
  return {
    ...scope,
    ...image,
    source: "enhanced",
    name: details?.vulnerabilityId ?? f.title ?? "",
    severity: f.severity ?? "UNTRIAGED",
    uri: details?.sourceUrl ?? details?.referenceUrls?.[0] ?? null,
    packageName: pkg?.name ?? "",
    packageVersion: pkg?.version ?? null,
    description: f.description ?? null,
    firstObservedAt: f.firstObservedAt ?? null,
    status: f.status ?? null,
  };
}

/** All findings of one image; an image that was never scanned has none (not an error). */
export async function listImageFindings(
  ctx: FetchContext,
  client: ECRClient,
  scope: AccountScope,
  image: ImageRef,
): Promise<EcrFindingRecord[]> {
  const records: EcrFindingRecord[] = [];
  try {
    for await (const page of paginateDescribeImageScanFindings(
      { client, pageSize: 1000 },
      { registryId: image.registryId, repositoryName: image.repositoryName, imageId: { imageDigest: image.imageDigest } },
    )) {
      checkAborted(ctx);
      const scan = page.imageScanFindings;
      for (const f of scan?.findings ?? []) records.push(basicFinding(scope, image, f));
      for (const f of scan?.enhancedFindings ?? []) records.push(enhancedFinding(scope, image, f));
    }
  } catch (error) {
    if ((error as { name?: string }).name === "ScanNotFoundException") return [];
    throw error;
  }
  return records;
}
