import { INFRA_FAILED, INFRA_PASSED, serviceChecks } from "./ci-checks";
import { checkovJson, cycloneDxJson, trivyJson, type CheckovScan } from "./ci-formats";
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

export function ciReports(data: DemoData): CiReport[] {
  const random = createRandom(data.seed, "ci");
  const owner = data.organization.managementAccount.email.split("@")[1]?.split(".")[0] ?? "demo";
  // Last night's run, at 02:00 UTC.
  const scannedAt = new Date(data.today.getTime() - 22 * 3_600_000);
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
    const checks = serviceChecks(account.team);
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
