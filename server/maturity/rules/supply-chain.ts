import { ids, isoDay } from "../context";
import type { EcrFindingEvidence, EcrImageEvidence, EcrRegistryScanningEvidence, EcrRepositoryEvidence } from "../evidence";
import { outcome } from "../results";
import { decided, listed, type Rule, type RuleInput } from "./rule";
import { freshUploads, uploadIds } from "./uploads";

const IN_USE_DAYS = 30;
const CRITICAL_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;

function wildcard(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replace(/\*/g, ".*")}$`).test(value);
}

/** A registry rule scans a repository when its frequency scans and a WILDCARD filter matches. */
export function registryCovers(scanning: EcrRegistryScanningEvidence | undefined, repo: EcrRepositoryEvidence): boolean {
  if (!scanning) return false;
  return scanning.rules.some(
    (r) =>
      (r.scanFrequency === "SCAN_ON_PUSH" || r.scanFrequency === "CONTINUOUS_SCAN") &&
      r.repositoryFilters.some((f) => f.filterType === "WILDCARD" && wildcard(f.filter, repo.name)),
  );
}

function registryFor({ ctx, check, account }: RuleInput) {
  const repos = ctx.fresh(ctx.rows("ecrRepositories", account.accountId), check);
  const scanning = ctx.fresh(ctx.rows("ecrRegistryScanning", account.accountId), check);
  const scanningIn = (region: string) => scanning.find((s) => s.region === region);
  return { repos, scanning, scanningIn };
}

export const ecrScanOnPush: Rule = (input) => {
  const { repos, scanningIn } = registryFor(input);
  if (!repos.length) return outcome.notApplicable("The account has no ECR repositories.");
  const unscanned = repos.filter((r) => !r.scanOnPush && !registryCovers(scanningIn(r.region), r));
  return unscanned.length
    ? outcome.fail(
        `Not scanned on push: ${listed(unscanned.map((r) => r.name))}.`,
        ids(unscanned),
        decided(unscanned, (r) => ({ scanOnPush: r.scanOnPush })),
      )
    : outcome.pass(`All ${repos.length} repositories scan on push.`, ids(repos));
};

export const ecrEnhancedScanning: Rule = (input) => {
  const { repos, scanning, scanningIn } = registryFor(input);
  if (!repos.length) return outcome.notApplicable("The account has no ECR repositories.");
  const regions = [...new Set(repos.map((r) => r.region))];
  const basic = regions.filter((region) => scanningIn(region)?.scanType !== "ENHANCED");
  return basic.length
    ? outcome.fail(
        `Basic scanning only in ${listed(basic)}.`,
        ids(scanning),
        decided(
          scanning.filter((s) => basic.includes(s.region)),
          (s) => ({ scanType: s.scanType }),
        ),
      )
    : outcome.pass("Enhanced scanning covers every region with repositories.", ids(scanning));
};

/** Pulled in the last month, or the newest push of its repository: what is likely running. */
function imagesInUse(input: RuleInput): EcrImageEvidence[] {
  const { ctx, check, account } = input;
  const images = ctx.fresh(ctx.rows("ecrImages", account.accountId), check);
  const since = ctx.daysAgo(IN_USE_DAYS);
  const newestPush = new Map<string, number>();
  for (const i of images) {
    const key = `${i.region}|${i.repositoryName}`;
    newestPush.set(key, Math.max(newestPush.get(key) ?? 0, i.pushedAt?.getTime() ?? 0));
  }
  return images.filter(
    (i) =>
      (i.lastPulledAt && i.lastPulledAt >= since) ||
      (i.pushedAt?.getTime() ?? -1) === newestPush.get(`${i.region}|${i.repositoryName}`),
  );
}

/**
 * When exposure on an image began, and how that is known. ECR's basic scan gives no first-seen
 * date; an image's layers never change after its push, so a CVE found in it has been there since
 * then: the push bounds the exposure from below, where the sync time would restart it each day.
 */
interface Exposure {
  since: Date;
  basis: "first-seen" | "push" | "sync";
  image?: EcrImageEvidence;
}

function exposureOf(finding: { firstObservedAt: Date | null; observedAt: Date }, image: EcrImageEvidence | undefined): Exposure {
  if (finding.firstObservedAt) return { since: finding.firstObservedAt, basis: "first-seen" };
  if (image?.pushedAt) return { since: image.pushedAt, basis: "push", image };
  return { since: finding.observedAt, basis: "sync" };
}

const describeExposure = ({ since, basis }: Exposure): string =>
  basis === "first-seen"
    ? `first seen ${isoDay(since)}`
    : basis === "push"
      ? `since the image push on ${isoDay(since)}; no first-seen date`
      : `last synced ${isoDay(since)}; no first-seen or push date`;

export const criticalCvesInUse: Rule = (input) => {
  const { ctx, check, account } = input;
  if (!ctx.rows("ecrRepositories", account.accountId).length)
    return outcome.notApplicable("The account has no ECR repositories.");
  const inUse = imagesInUse(input);
  const scanned = inUse.filter((i) => i.scanStatus === "COMPLETE" || i.scanStatus === "ACTIVE");
  if (!scanned.length) return outcome.noData("No image in use has scan results.", ids(inUse));
  const imageOf = (f: EcrFindingEvidence) =>
    scanned.find((i) => i.digest === f.imageDigest && i.repositoryName === f.repositoryName && i.region === f.region) ??
    scanned.find((i) => i.digest === f.imageDigest);
  const findings = [
    ...ctx
      .fresh(ctx.rows("ecrFindings", account.accountId), check)
      .filter((f) => f.severity.toUpperCase() === "CRITICAL")
      .flatMap((f) => {
        const image = imageOf(f);
        return image ? [{ row: f, name: f.name, exposure: exposureOf(f, image) }] : [];
      }),
    ...ctx
      .fresh(ctx.rows("inspectorFindings", account.accountId), check)
      .filter((f) => f.severity.toUpperCase() === "CRITICAL" && f.status.toUpperCase() === "ACTIVE")
      .flatMap((f) => {
        const image = scanned.find((i) => f.resourceId?.endsWith(i.digest));
        return image ? [{ row: f, name: f.vulnerabilityId ?? f.id, exposure: exposureOf(f, image) }] : [];
      }),
  ];
  if (!findings.length) return outcome.pass(`No critical CVE open on ${scanned.length} image(s) in use.`, ids(scanned));
  const ageDays = (f: (typeof findings)[number]) => (ctx.now.getTime() - f.exposure.since.getTime()) / DAY_MS;
  const old = findings.filter((f) => ageDays(f) > CRITICAL_GRACE_DAYS);
  // One entry per CVE, dated by its longest exposure: the one that decides the result.
  const named = (list: typeof findings) => {
    const longest = new Map<string, Exposure>();
    for (const f of list) {
      const seen = longest.get(f.name);
      if (!seen || f.exposure.since < seen.since) longest.set(f.name, f.exposure);
    }
    return listed([...longest].map(([name, exposure]) => `${name} (${describeExposure(exposure)})`));
  };
  const cited = (list: typeof findings) => [
    ...ids(list.map((f) => f.row)),
    ...new Set(list.flatMap((f) => (f.exposure.image ? [f.exposure.image.id] : []))),
  ];
  return old.length
    ? outcome.fail(`Critical CVEs open over 30 days on images in use: ${named(old)}.`, cited(old))
    : outcome.warning(`Critical CVEs on images in use, found within 30 days: ${named(findings)}.`, cited(findings));
};

export const ciVulnerabilityScans: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["trivy", "grype"]);
  if ("missing" in found) return found.missing;
  return outcome.pass(`${found.uploads.length} Trivy/Grype upload(s) in the window.`, uploadIds(found.uploads));
};

export const sbomPublished: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["sbom"]);
  if ("missing" in found) return found.missing;
  return outcome.pass(`${found.uploads.length} SBOM upload(s) in the window.`, uploadIds(found.uploads));
};

export const inspectorDelegatedAdmin: Rule = ({ ctx, check, tree, account }) => {
  if (!tree.isMember(account))
    return outcome.fail("The account is outside the organisation Inspector administers.", [account.id]);
  const admins = ctx.fresh(ctx.evidence.delegatedAdmins, check).filter((d) => d.servicePrincipal === "inspector2.amazonaws.com");
  return admins.length
    ? outcome.pass(`Inspector is administered for the organisation from account ${admins[0]?.accountId}.`, ids(admins))
    : outcome.fail("Inspector has no delegated administrator.");
};
