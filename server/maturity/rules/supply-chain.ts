import { ids } from "../context";
import type { EcrImageEvidence, EcrRegistryScanningEvidence, EcrRepositoryEvidence } from "../evidence";
import { outcome } from "../results";
import { listed, type Rule, type RuleInput } from "./rule";
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
    ? outcome.fail(`Not scanned on push: ${listed(unscanned.map((r) => r.name))}.`, ids(unscanned))
    : outcome.pass(`All ${repos.length} repositories scan on push.`, ids(repos));
};

export const ecrEnhancedScanning: Rule = (input) => {
  const { repos, scanning, scanningIn } = registryFor(input);
  if (!repos.length) return outcome.notApplicable("The account has no ECR repositories.");
  const regions = [...new Set(repos.map((r) => r.region))];
  const basic = regions.filter((region) => scanningIn(region)?.scanType !== "ENHANCED");
  return basic.length
    ? outcome.fail(`Basic scanning only in ${listed(basic)}.`, ids(scanning))
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

export const criticalCvesInUse: Rule = (input) => {
  const { ctx, check, account } = input;
  if (!ctx.rows("ecrRepositories", account.accountId).length)
    return outcome.notApplicable("The account has no ECR repositories.");
  const inUse = imagesInUse(input);
  const scanned = inUse.filter((i) => i.scanStatus === "COMPLETE" || i.scanStatus === "ACTIVE");
  if (!scanned.length) return outcome.noData("No image in use has scan results.", ids(inUse));
  const digests = new Set(scanned.map((i) => i.digest));
  const ecr = ctx
    .fresh(ctx.rows("ecrFindings", account.accountId), check)
    .filter((f) => f.severity.toUpperCase() === "CRITICAL" && digests.has(f.imageDigest));
  const inspector = ctx
    .fresh(ctx.rows("inspectorFindings", account.accountId), check)
    .filter(
      (f) =>
        f.severity.toUpperCase() === "CRITICAL" &&
        f.status.toUpperCase() === "ACTIVE" &&
        [...digests].some((d) => f.resourceId?.endsWith(d)),
    );
  const findings = [...ecr, ...inspector];
  if (!findings.length) return outcome.pass(`No critical CVE open on ${scanned.length} image(s) in use.`, ids(scanned));
  const ageDays = (f: { firstObservedAt: Date | null; observedAt: Date }) =>
    (ctx.now.getTime() - (f.firstObservedAt ?? f.observedAt).getTime()) / DAY_MS;
  const old = findings.filter((f) => ageDays(f) > CRITICAL_GRACE_DAYS);
  const names = (list: typeof findings) =>
    listed([...new Set(list.map((f) => ("name" in f ? f.name : (f.vulnerabilityId ?? f.id))))]);
  return old.length
    ? outcome.fail(`Critical CVEs open over 30 days on images in use: ${names(old)}.`, ids(old))
    : outcome.warning(`Critical CVEs on images in use, found within 30 days: ${names(findings)}.`, ids(findings));
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
