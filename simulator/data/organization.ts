import { createRandom } from "./random";
import { buildPolicies, type ScpPolicy } from "./policies";

export type Environment = "management" | "log-archive" | "audit" | "shared-services" | "prod" | "staging" | "sandbox";

export interface OrgAccount {
  index: number;
  id: string;
  name: string;
  email: string;
  arn: string;
  environment: Environment;
  team: string;
  parentId: string;
  path: string;
  joinedMethod: "CREATED" | "INVITED";
  joinedAt: Date;
}

export interface OrgUnit {
  id: string;
  arn: string;
  name: string;
  parentId: string;
  path: string;
}

export interface Organization {
  id: string;
  arn: string;
  rootId: string;
  rootArn: string;
  managementAccount: OrgAccount;
  accounts: OrgAccount[];
  units: OrgUnit[];
  policies: ScpPolicy[];
  delegatedAdmins: Array<{ accountId: string; servicePrincipal: string; enabledAt: Date }>;
  accountById: Map<string, OrgAccount>;
}

const TEAMS = [
  "payments",
  "checkout",
  "catalog",
  "search",
  "identity",
  "ledger",
  "shipping",
  "analytics",
  "mobile-api",
  "notifications",
];
const WORKLOAD_ENVIRONMENTS = ["prod", "staging", "sandbox"] as const;

export function buildOrganization(seed: number, size: number, today: Date): Organization {
  const random = createRandom(seed, "organization");
  const orgId = `o-${random.alnum(10, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
  const rootSuffix = random.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789");
  const rootId = `r-${rootSuffix}`;
  const usedIds = new Set<string>();
  const newAccountId = (): string => {
    for (;;) {
      const id = String(random.int(100_000_000_000, 999_999_999_999));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const managementId = newAccountId();
  const orgArnBase = `arn:aws:organizations::${managementId}`;
  const rootPath = `${orgId}/${rootId}/`;
  const units: OrgUnit[] = [];
  const newUnit = (name: string, parent?: OrgUnit): OrgUnit => {
    const id = `ou-${rootSuffix}-${random.alnum(8, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
    const unit = {
      id,
      arn: `${orgArnBase}:ou/${orgId}/${id}`,
      name,
      parentId: parent?.id ?? rootId,
      path: `${parent?.path ?? rootPath}${id}/`,
    };
    units.push(unit);
    return unit;
  };
  const security = newUnit("Security");
  const infrastructure = newUnit("Infrastructure");
  const workloads = newUnit("Workloads");
  const prod = newUnit("Prod", workloads);
  const staging = newUnit("Staging", workloads);
  const sandbox = newUnit("Sandbox");
  const parentFor: Record<Environment, OrgUnit | undefined> = {
    management: undefined,
    "log-archive": security,
    audit: security,
    "shared-services": infrastructure,
    prod,
    staging,
    sandbox,
  };

  const domain = "example-ladder.com";
  const createdAt = new Date(Date.UTC(today.getUTCFullYear() - 3, 2, 14));
  const accounts: OrgAccount[] = [];
  const addAccount = (name: string, environment: Environment, team: string, unit: OrgUnit | undefined, invited = false): void => {
    const index = accounts.length;
    const id = index === 0 ? managementId : newAccountId();
    accounts.push({
      index,
      id,
      name,
      email: `aws+${name}@${domain}`,
      arn: `${orgArnBase}:account/${orgId}/${id}`,
      environment,
      team,
      parentId: unit?.id ?? rootId,
      path: `${unit?.path ?? rootPath}${id}/`,
      joinedMethod: invited ? "INVITED" : "CREATED",
      joinedAt: new Date(createdAt.getTime() + index * 86_400_000 * (invited ? 200 : 3)),
    });
  };
  addAccount("management", "management", "platform", undefined);
  addAccount("log-archive", "log-archive", "security", parentFor["log-archive"]);
  addAccount("audit", "audit", "security", parentFor.audit);
  addAccount("shared-services", "shared-services", "platform", parentFor["shared-services"]);
  const workloadCount = Math.max(1, size - 5);
  for (let i = 0; i < workloadCount; i++) {
    const environment = WORKLOAD_ENVIRONMENTS[i % 3] ?? "sandbox";
    const round = Math.floor(i / 3);
    const teamName = TEAMS[round % TEAMS.length] ?? "team";
    const team = round < TEAMS.length ? teamName : `${teamName}-${Math.floor(round / TEAMS.length) + 1}`;
    addAccount(`${team}-${environment}`, environment, team, parentFor[environment]);
  }
  // The story's loose end: an account acquired by invitation that nobody moved into an OU.
  addAccount("legacy-marketing", "sandbox", "marketing", undefined, true);

  const managementAccount = accounts[0];
  if (!managementAccount) throw new Error("organization without accounts");
  const auditId = accounts[2]?.id ?? managementId;
  const sharedId = accounts[3]?.id ?? managementId;
  const enabledAt = new Date(createdAt.getTime() + 30 * 86_400_000);
  return {
    id: orgId,
    arn: `${orgArnBase}:organization/${orgId}`,
    rootId,
    rootArn: `${orgArnBase}:root/${orgId}/${rootId}`,
    managementAccount,
    accounts,
    units,
    policies: buildPolicies({ random, orgId, managementId, rootId, prod, accounts }),
    delegatedAdmins: [
      { accountId: auditId, servicePrincipal: "guardduty.amazonaws.com", enabledAt },
      { accountId: auditId, servicePrincipal: "securityhub.amazonaws.com", enabledAt },
      { accountId: auditId, servicePrincipal: "inspector2.amazonaws.com", enabledAt },
      { accountId: sharedId, servicePrincipal: "member.org.stacksets.cloudformation.amazonaws.com", enabledAt },
    ],
    accountById: new Map(accounts.map((a) => [a.id, a])),
  };
}
