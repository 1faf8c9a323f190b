import { SERVICES } from "../catalog";
import { repositories } from "../data/registries";
import { SimError } from "../errors";
import { restJsonProtocol, type RestRoute } from "../protocols/rest-json";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

const routes: RestRoute[] = [{ method: "POST", path: "/findings/list", action: "ListFindings" }];

interface Finding {
  accountId: string;
  repository: string;
  record: Record<string, unknown>;
  severity: string;
  status: string;
  vulnerabilityId: string;
  firstObservedAt: Date;
  lastObservedAt: Date;
}

/** Inspector's view of ECR images; the delegated administrator (audit account) sees every member. */
function findingsFor(context: CallContext): Finding[] {
  const data = context.state.data;
  const org = data.organization;
  const caller = context.principal.accountId;
  const isAdmin = org.delegatedAdmins.some((d) => d.accountId === caller && d.servicePrincipal === "inspector2.amazonaws.com");
  const accounts = isAdmin ? org.accounts.map((a) => a.id) : [caller];
  const observedAt = new Date(data.today.getTime() - 3_600_000);
  return accounts.flatMap((accountId) =>
    repositories(data, accountId).flatMap((repo) =>
      repo.images.flatMap((image) =>
        image.findings.map((f) => {
          const v = f.vulnerability;
          const lastObservedAt = f.status === "ACTIVE" ? observedAt : new Date(f.firstObservedAt.getTime() + 86_400_000);
          const findingArn = `arn:aws:inspector2:us-east-1:${accountId}:finding/${image.digest.slice(7, 39)}${v.id.replace(/\D/g, "")}`;
          return {
            accountId,
            repository: repo.name,
            severity: v.severity,
            status: f.status,
            vulnerabilityId: v.id,
            firstObservedAt: f.firstObservedAt,
            lastObservedAt,
            record: {
              findingArn,
              awsAccountId: accountId,
              type: "PACKAGE_VULNERABILITY",
              title: `${v.id} - ${v.packageName}`,
              description: v.summary,
              severity: v.severity,
              status: f.status,
              firstObservedAt: f.firstObservedAt,
              lastObservedAt,
              updatedAt: lastObservedAt,
              inspectorScore: v.score,
              fixAvailable: v.fixedIn ? "YES" : "NO",
              exploitAvailable: v.exploitAvailable ? "YES" : "NO",
              remediation: {
                recommendation: { text: v.fixedIn ? `Upgrade ${v.packageName} to ${v.fixedIn}.` : "None provided" },
              },
              packageVulnerabilityDetails: {
                vulnerabilityId: v.id,
                source: "NVD",
                sourceUrl: `https://nvd.nist.gov/vuln/detail/${v.id}`,
                vendorSeverity: v.severity,
                cvss: [
                  {
                    baseScore: v.score,
                    scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    version: "3.1",
                    source: "NVD",
                  },
                ],
                vulnerablePackages: [
                  { name: v.packageName, version: v.version, fixedInVersion: v.fixedIn || "NotAvailable", packageManager: "OS" },
                ],
                referenceUrls: [`https://nvd.nist.gov/vuln/detail/${v.id}`],
              },
              resources: [
                {
                  type: "AWS_ECR_CONTAINER_IMAGE",
                  id: `arn:aws:ecr:us-east-1:${accountId}:repository/${repo.name}/${image.digest}`,
                  partition: "aws",
                  region: "us-east-1",
                  details: {
                    awsEcrContainerImage: {
                      repositoryName: repo.name,
                      imageHash: image.digest,
                      imageTags: image.tags,
                      registry: accountId,
                      pushedAt: image.pushedAt,
                      platform: "LINUX",
                      architecture: "arm64",
                    },
                  },
                },
              ],
            },
          };
        }),
      ),
    ),
  );
}

function stringFilter(criteria: Input | undefined, name: string): ((value: string) => boolean) | undefined {
  const filters = criteria?.objects(name) ?? [];
  if (filters.length === 0) return undefined;
  const equals = filters.filter((f) => (f.string("comparison") ?? "EQUALS") === "EQUALS").map((f) => f.string("value"));
  const notEquals = filters.filter((f) => f.string("comparison") === "NOT_EQUALS").map((f) => f.string("value"));
  const prefix = filters.filter((f) => f.string("comparison") === "PREFIX").map((f) => f.string("value") ?? "");
  return (value) =>
    (equals.length === 0 || equals.includes(value)) &&
    !notEquals.includes(value) &&
    (prefix.length === 0 || prefix.some((p) => value.startsWith(p)));
}

function dateFilter(criteria: Input | undefined, name: string): ((value: Date) => boolean) | undefined {
  const filters = criteria?.objects(name) ?? [];
  if (filters.length === 0) return undefined;
  const bound = (f: Input, key: string): number | undefined => {
    const n = f.number(key);
    return n === undefined ? undefined : n * 1000;
  };
  return (value) =>
    filters.some(
      (f) =>
        value.getTime() >= (bound(f, "startInclusive") ?? -Infinity) && value.getTime() <= (bound(f, "endInclusive") ?? Infinity),
    );
}

const operations: Record<string, OperationHandler> = {
  ListFindings: (input, context) => {
    const criteria = input.object("filterCriteria");
    const checks: Array<(f: Finding) => boolean> = [];
    const addString = (name: string, pick: (f: Finding) => string) => {
      const match = stringFilter(criteria, name);
      if (match) checks.push((f) => match(pick(f)));
    };
    addString("awsAccountId", (f) => f.accountId);
    addString("severity", (f) => f.severity);
    addString("findingStatus", (f) => f.status);
    addString("findingType", () => "PACKAGE_VULNERABILITY");
    addString("resourceType", () => "AWS_ECR_CONTAINER_IMAGE");
    addString("ecrImageRepositoryName", (f) => f.repository);
    addString("vulnerabilityId", (f) => f.vulnerabilityId);
    for (const [name, pick] of [
      ["firstObservedAt", (f: Finding) => f.firstObservedAt],
      ["lastObservedAt", (f: Finding) => f.lastObservedAt],
      ["updatedAt", (f: Finding) => f.lastObservedAt],
    ] as const) {
      const match = dateFilter(criteria, name);
      if (match) checks.push((f) => match(pick(f)));
    }
    const findings = findingsFor(context).filter((f) => checks.every((check) => check(f)));
    const page = paginate(findings, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 50,
      maxPageSize: 100,
      scope: `findings:${context.principal.accountId}:${JSON.stringify(input.raw.filterCriteria ?? {})}`,
      invalidToken: () => new SimError("ValidationException", "Invalid pagination token", 400, { reason: "OTHER" }),
      tooLarge: (n) =>
        new SimError(
          "ValidationException",
          `1 validation error detected: Value '${n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`,
          400,
          { reason: "FIELD_VALIDATION_FAILED" },
        ),
    });
    return { findings: page.items.map((f) => f.record), nextToken: page.nextToken };
  },
};

export const inspector2Service: ServiceImpl = {
  info: SERVICES.inspector2,
  protocol: restJsonProtocol(routes),
  routes,
  operations,
};
