import type { DemoData } from "./demo-data";
import type { OrgAccount } from "./organization";
import { createRandom } from "./random";
import { CRITICAL_VULNERABILITIES, VULNERABILITIES, type Vulnerability } from "./vulnerabilities";

const DAY_MS = 86_400_000;

export interface ImageFinding {
  vulnerability: Vulnerability;
  firstObservedAt: Date;
  status: "ACTIVE" | "CLOSED";
}

export interface Image {
  digest: string;
  tags: string[];
  pushedAt: Date;
  sizeBytes: number;
  lastPulledAt: Date;
  scanned: boolean;
  findings: ImageFinding[];
}

export interface Repository {
  name: string;
  arn: string;
  uri: string;
  createdAt: Date;
  scanOnPush: boolean;
  images: Image[];
}

const COMPONENTS = ["api", "worker", "web", "migrations"];

function repositoriesFor(data: DemoData, account: OrgAccount): Repository[] {
  if (!["prod", "staging", "shared-services", "sandbox"].includes(account.environment)) return [];
  const random = createRandom(data.seed, "ecr", account.id);
  const count = account.environment === "sandbox" ? 1 : account.environment === "shared-services" ? 2 : 3;
  const today = data.today.getTime();
  const repos: Repository[] = [];
  for (let r = 0; r < count; r++) {
    const name =
      account.environment === "shared-services"
        ? `platform/${["base-images", "tooling"][r] ?? "tools"}`
        : `${account.team}/${COMPONENTS[r] ?? "svc"}`;
    // Most repositories scan on push; sandboxes and one repository in five do not.
    const scanOnPush = account.environment !== "sandbox" && !(r === 2 && random.chance(0.5));
    const images: Image[] = [];
    const imageCount = random.int(2, 4);
    for (let i = 0; i < imageCount; i++) {
      const ageDays = i === 0 ? random.int(40, 90) : random.int(1, 35);
      const pushedAt = new Date(today - ageDays * DAY_MS - random.int(0, 86_399) * 1000);
      const findings: ImageFinding[] = [];
      if (scanOnPush) {
        for (const vulnerability of VULNERABILITIES) {
          if (vulnerability.severity === "CRITICAL" || !random.chance(0.25)) continue;
          findings.push({ vulnerability, firstObservedAt: new Date(pushedAt.getTime() + 600_000), status: "ACTIVE" });
        }
        // The story's supply-chain gap: the prod image in use carries a critical CVE for over 30 days.
        if (account.environment === "prod" && r === 0 && i === 0) {
          findings.push({
            vulnerability: random.pick(CRITICAL_VULNERABILITIES),
            firstObservedAt: new Date(pushedAt.getTime() + 600_000),
            status: "ACTIVE",
          });
        } else if (random.chance(0.08)) {
          findings.push({
            vulnerability: random.pick(CRITICAL_VULNERABILITIES),
            firstObservedAt: new Date(today - random.int(2, 20) * DAY_MS),
            status: "CLOSED",
          });
        }
      }
      images.push({
        digest: `sha256:${random.hex(64)}`,
        tags: i === 0 ? ["latest", `v1.${imageCount - i}.0`] : [`v1.${imageCount - i}.${random.int(0, 9)}`],
        pushedAt,
        sizeBytes: random.int(40, 400) * 1_048_576,
        lastPulledAt: new Date(today - random.int(0, 3) * DAY_MS),
        scanned: scanOnPush,
        findings,
      });
    }
    repos.push({
      name,
      arn: `arn:aws:ecr:us-east-1:${account.id}:repository/${name}`,
      uri: `${account.id}.dkr.ecr.us-east-1.amazonaws.com/${name}`,
      createdAt: new Date(account.joinedAt.getTime() + (r + 1) * 7 * DAY_MS),
      scanOnPush,
      images,
    });
  }
  return repos;
}

export function repositories(data: DemoData, accountId: string): Repository[] {
  const account = data.account(accountId);
  return account ? data.memo(`ecr:${accountId}`, () => repositoriesFor(data, account)) : [];
}

export function severityCounts(findings: readonly ImageFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings)
    if (f.status === "ACTIVE") counts[f.vulnerability.severity] = (counts[f.vulnerability.severity] ?? 0) + 1;
  return counts;
}
