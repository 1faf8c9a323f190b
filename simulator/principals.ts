import { createRandom, type Random } from "./data/random";

export interface Principal {
  kind: "app" | "role";
  accountId: string;
  arn: string;
  userId: string;
  roleName?: string;
  sessionName?: string;
  /** IAM actions ("ecr:DescribeImages") the principal's policies do not allow. */
  denied: ReadonlySet<string>;
}

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  principal: Principal;
  /** Epoch milliseconds on the simulator clock; absent for long-term keys. */
  expiresAt?: number;
}

export interface RoleRecord {
  accountId: string;
  roleName: string;
  arn: string;
  roleId: string;
  /** Absent means the trust policy has no sts:ExternalId condition. */
  externalId?: string;
  /** More External IDs the same trust policy accepts (StringEquals with a list). */
  extraExternalIds: Set<string>;
  trustedPrincipalArn: string;
  denied: Set<string>;
  maxSessionDurationSeconds: number;
}

export function accountIdFromArn(arn: string): string {
  return arn.split(":")[4] ?? "";
}

/** The role's trust policy as IAM would store it, so onboarding screens can show the same document. */
export function trustPolicyDocument(role: RoleRecord): string {
  const statement: Record<string, unknown> = {
    Effect: "Allow",
    Principal: { AWS: role.trustedPrincipalArn },
    Action: "sts:AssumeRole",
  };
  if (role.externalId !== undefined) {
    const ids = [role.externalId, ...role.extraExternalIds];
    statement.Condition = { StringEquals: { "sts:ExternalId": ids.length === 1 ? ids[0] : ids } };
  }
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] }, null, 2);
}

/** Issues keys the way STS shapes them: ASIA-prefixed key ids and long opaque session tokens. */
export class CredentialStore {
  private readonly byKey = new Map<string, Credential>();
  private readonly random: Random;

  constructor(seed: number) {
    this.random = createRandom(seed, "credentials");
  }

  addLongTerm(accessKeyId: string, secretAccessKey: string, principal: Principal): void {
    this.byKey.set(accessKeyId, { accessKeyId, secretAccessKey, principal });
  }

  issue(principal: Principal, expiresAt: number): Credential {
    const credential: Credential = {
      accessKeyId: `ASIA${this.random.alnum(16)}`,
      secretAccessKey: this.random.alnum(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
      sessionToken: `IQoJb3JpZ2luX2VjE${this.random.alnum(180, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`,
      principal,
      expiresAt,
    };
    this.byKey.set(credential.accessKeyId, credential);
    return credential;
  }

  find(accessKeyId: string): Credential | undefined {
    return this.byKey.get(accessKeyId);
  }

  get size(): number {
    return this.byKey.size;
  }
}
