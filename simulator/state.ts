import { DEFAULT_APP_PRINCIPAL, DEMO_EXTERNAL_ID, DEMO_ROLE_NAME } from "./constants";
import { DemoData } from "./data/demo-data";
import { createRandom } from "./data/random";
import { FaultEngine, type FaultRule } from "./faults";
import { CredentialStore, type Principal, type RoleRecord, trustPolicyDocument } from "./principals";

export interface AppPrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
}

export interface RegisterRoleInput {
  accountId: string;
  roleName: string;
  /** Omit for a role whose trust policy has no External ID condition. */
  externalId?: string;
  /** Principal the trust policy names; defaults to the app principal. */
  trustedPrincipalArn?: string;
  /** IAM actions the role may not call, e.g. ["ce:GetCostAndUsage", "ecr:DescribeImages"]. */
  permissions?: string[];
  maxSessionDurationSeconds?: number;
}

export interface StateOptions {
  seed: number;
  size: number;
  appPrincipal: AppPrincipal;
  clock: () => Date;
  today: Date;
  credentialLifetimeSeconds?: number;
  verifySignatures: boolean;
}

/** Everything a running simulator knows; tests mutate it between calls. */
export class SimulatorState {
  readonly seed: number;
  readonly size: number;
  readonly appPrincipal: AppPrincipal;
  readonly faults: FaultEngine;
  readonly credentials: CredentialStore;
  readonly data: DemoData;
  /** Seconds issued credentials live; undefined = the DurationSeconds the caller asked for. */
  credentialLifetimeSeconds: number | undefined;
  verifySignatures: boolean;
  private clock: () => Date;
  private readonly roles = new Map<string, RoleRecord>();
  private readonly counters = new Map<string, number>();
  private readonly served = new Map<string, number>();
  private readonly roleIds;

  constructor(options: StateOptions) {
    this.seed = options.seed;
    this.size = options.size;
    this.appPrincipal = options.appPrincipal;
    this.clock = options.clock;
    this.credentialLifetimeSeconds = options.credentialLifetimeSeconds;
    this.verifySignatures = options.verifySignatures;
    this.faults = new FaultEngine(options.seed);
    this.credentials = new CredentialStore(options.seed);
    this.data = new DemoData(options.seed, options.size, options.today);
    this.roleIds = createRandom(options.seed, "role-ids");
    this.credentials.addLongTerm(options.appPrincipal.accessKeyId, options.appPrincipal.secretAccessKey, {
      kind: "app",
      accountId: options.appPrincipal.arn.split(":")[4] ?? "",
      arn: options.appPrincipal.arn,
      userId: `AIDA${createRandom(options.seed, "app-user").alnum(17)}`,
      denied: new Set(),
    });
  }

  now(): Date {
    return this.clock();
  }

  setClock(clock: () => Date): void {
    this.clock = clock;
  }

  setCredentialLifetime(seconds: number | undefined): void {
    this.credentialLifetimeSeconds = seconds;
  }

  get organization() {
    return this.data.organization;
  }

  get managementAccountId(): string {
    return this.data.organization.managementAccount.id;
  }

  registerRole(input: RegisterRoleInput): RoleRecord {
    const arn = `arn:aws:iam::${input.accountId}:role/${input.roleName}`;
    const existing = this.roles.get(arn);
    const role: RoleRecord = {
      accountId: input.accountId,
      roleName: input.roleName,
      arn,
      roleId: existing?.roleId ?? `AROA${this.roleIds.alnum(17)}`,
      externalId: input.externalId,
      extraExternalIds: new Set(),
      trustedPrincipalArn: input.trustedPrincipalArn ?? this.appPrincipal.arn,
      denied: new Set(input.permissions ?? []),
      maxSessionDurationSeconds: input.maxSessionDurationSeconds ?? 43_200,
    };
    this.roles.set(arn, role);
    return role;
  }

  removeRole(roleArn: string): boolean {
    return this.roles.delete(roleArn);
  }

  findRole(roleArn: string): RoleRecord | undefined {
    return this.roles.get(roleArn);
  }

  trustPolicy(roleArn: string): string | undefined {
    const role = this.roles.get(roleArn);
    return role ? trustPolicyDocument(role) : undefined;
  }

  /** Gives every demo account the read-only role the app's onboarding asks for. */
  registerDemoRoles(externalId = DEMO_EXTERNAL_ID, roleName = DEMO_ROLE_NAME): RoleRecord[] {
    return this.data.organization.accounts.map((account) => this.registerRole({ accountId: account.id, roleName, externalId }));
  }

  /** Changes what an already-registered role may do, as if its policy were edited. */
  setRolePermissions(roleArn: string, deniedActions: string[]): void {
    const role = this.roles.get(roleArn);
    if (!role) throw new Error(`no role ${roleArn}`);
    // Mutated in place so sessions already issued for the role see the change, as in IAM.
    role.denied.clear();
    for (const action of deniedActions) role.denied.add(action);
  }

  addFault(rule: FaultRule): number {
    return this.faults.add(rule);
  }

  setFaults(rules: readonly FaultRule[]): number[] {
    return this.faults.replace(rules);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Successful calls per calling account and service: what rate limits are measured against. */
  countServed(accountId: string, service: string): void {
    const key = `${accountId}:${service}`;
    this.served.set(key, (this.served.get(key) ?? 0) + 1);
  }

  servedCounts(): Record<string, number> {
    return Object.fromEntries(this.served);
  }

  countCall(service: string, action: string): void {
    const key = `${service}:${action}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  /** Calls received for one operation, keyed by signing name or IAM prefix ("sts", "AssumeRole"). */
  callCount(service: string, action: string): number {
    const prefix = service === "cloudwatch" ? "monitoring" : service;
    return this.counters.get(`${prefix}:${action}`) ?? 0;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  resetCallCounts(): void {
    this.counters.clear();
    this.served.clear();
  }

  principalFor(role: RoleRecord, sessionName: string): Principal {
    return {
      kind: "role",
      accountId: role.accountId,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
      userId: `${role.roleId}:${sessionName}`,
      roleName: role.roleName,
      sessionName,
      denied: role.denied,
    };
  }
}

export { DEFAULT_APP_PRINCIPAL };
