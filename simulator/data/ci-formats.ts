import type { Image } from "./registries";
import { VULNERABILITIES, type Vulnerability } from "./vulnerabilities";

// The documents the demo organisation's CI writes, in each tool's own output format: what
// `checkov -o json`, `trivy image -f json` and `syft -o cyclonedx-json` print.

const CHECKOV_VERSION = "3.2.255";
const TRIVY_VERSION = "0.58.1";
const SYFT_VERSION = "1.18.1";
const GUIDELINES = "https://docs.prismacloud.io/en/enterprise-edition/policy-reference";

export interface CheckovCheck {
  id: string;
  name: string;
  resource: string;
  file: string;
  lines: [number, number];
  /** Open-source Checkov reports no severity for most checks; a few come with one. */
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | null;
  guideline: string;
}

export interface CheckovScan {
  framework: "terraform" | "dockerfile" | "kubernetes";
  passed: readonly CheckovCheck[];
  failed: readonly CheckovCheck[];
}

export const guideline = (path: string) => `${GUIDELINES}/${path}`;

/** One report per framework, as Checkov prints when it scanned several. */
export function checkovJson(scans: readonly CheckovScan[]): unknown {
  const result = (outcome: "PASSED" | "FAILED") => (c: CheckovCheck) => ({
    check_id: c.id,
    check_name: c.name,
    check_result: { result: outcome },
    file_path: c.file,
    repo_file_path: c.file,
    file_line_range: c.lines,
    resource: c.resource,
    severity: c.severity,
    guideline: c.guideline,
  });
  return scans.map((scan) => ({
    check_type: scan.framework,
    results: {
      passed_checks: scan.passed.map(result("PASSED")),
      failed_checks: scan.failed.map(result("FAILED")),
      skipped_checks: [],
      parsing_errors: [],
    },
    summary: {
      passed: scan.passed.length,
      failed: scan.failed.length,
      skipped: 0,
      parsing_errors: 0,
      resource_count: new Set([...scan.passed, ...scan.failed].map((c) => c.resource)).size,
      checkov_version: CHECKOV_VERSION,
    },
  }));
}

const LANGUAGE_TARGETS: Record<string, string> = {
  jar: "app/lib/log4j-core.jar",
  "python-pkg": "usr/lib/python3/dist-packages",
  gobinary: "usr/local/bin/app",
};
const ecosystemOf = (name: string) =>
  name === "log4j-core" ? "jar" : name === "setuptools" ? "python-pkg" : name.includes("/") ? "gobinary" : "debian";

/** The packages an image holds: every package of the catalogue, at the vulnerable version where a finding is open. */
export function packagesOf(image: Image): Array<{ name: string; version: string; ecosystem: string }> {
  const open = new Set(image.findings.filter((f) => f.status === "ACTIVE").map((f) => f.vulnerability.packageName));
  const byName = new Map<string, string>();
  for (const v of VULNERABILITIES) {
    const version = open.has(v.packageName) || !v.fixedIn ? v.version : v.fixedIn;
    if (!byName.has(v.packageName) || open.has(v.packageName)) byName.set(v.packageName, version);
  }
  return [...byName].map(([name, version]) => ({ name, version, ecosystem: ecosystemOf(name) }));
}

export function trivyJson(opts: { uri: string; tag: string; image: Image; scannedAt: Date }): unknown {
  const artifact = `${opts.uri}:${opts.tag}`;
  const open = opts.image.findings.filter((f) => f.status === "ACTIVE").map((f) => f.vulnerability);
  const vulnerability = (v: Vulnerability) => ({
    VulnerabilityID: v.id,
    PkgName: v.packageName,
    InstalledVersion: v.version,
    ...(v.fixedIn ? { FixedVersion: v.fixedIn, Status: "fixed" } : { Status: "affected" }),
    PrimaryURL: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
    Title: v.summary,
    Severity: v.severity,
    CVSS: { nvd: { V3Score: v.score } },
  });
  // One result per package ecosystem, as Trivy reports the OS and each language's packages.
  const targets = new Map<string, Vulnerability[]>();
  for (const v of open) {
    const ecosystem = ecosystemOf(v.packageName);
    targets.set(ecosystem, [...(targets.get(ecosystem) ?? []), v]);
  }
  const results = [...targets].map(([ecosystem, list]) => ({
    Target: ecosystem === "debian" ? `${artifact} (debian 12.5)` : LANGUAGE_TARGETS[ecosystem],
    Class: ecosystem === "debian" ? "os-pkgs" : "lang-pkgs",
    Type: ecosystem,
    Vulnerabilities: list.map(vulnerability),
  }));
  return {
    SchemaVersion: 2,
    CreatedAt: opts.scannedAt.toISOString(),
    ArtifactName: artifact,
    ArtifactType: "container_image",
    Metadata: { OS: { Family: "debian", Name: "12.5" }, RepoDigests: [`${opts.uri}@${opts.image.digest}`] },
    Trivy: { Version: TRIVY_VERSION },
    Results: results,
  };
}

export function cycloneDxJson(opts: { name: string; tag: string; image: Image; createdAt: Date; serial: string }): unknown {
  const purl = (p: { name: string; version: string; ecosystem: string }) =>
    p.ecosystem === "debian"
      ? `pkg:deb/debian/${p.name}@${p.version}?distro=debian-12.5`
      : p.ecosystem === "jar"
        ? `pkg:maven/org.apache.logging.log4j/${p.name}@${p.version}`
        : p.ecosystem === "python-pkg"
          ? `pkg:pypi/${p.name}@${p.version}`
          : `pkg:golang/${p.name}@v${p.version}`;
  return {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${opts.serial}`,
    version: 1,
    metadata: {
      timestamp: opts.createdAt.toISOString(),
      tools: { components: [{ type: "application", author: "anchore", name: "syft", version: SYFT_VERSION }] },
      component: {
        "bom-ref": opts.image.digest,
        type: "container",
        name: opts.name,
        version: opts.tag,
      },
    },
    components: packagesOf(opts.image).map((p) => ({
      "bom-ref": purl(p),
      type: "library",
      name: p.name,
      version: p.version,
      purl: purl(p),
    })),
  };
}
