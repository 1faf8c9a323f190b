import { CostModel } from "./cost-model";
import { buildOrganization, type OrgAccount, type Organization } from "./organization";

/**
 * The synthetic organisation behind every service. Per-account resources are built on first use
 * and cached, so an organisation of thousands of accounts costs memory only for what is read.
 */
export class DemoData {
  readonly seed: number;
  readonly size: number;
  /** Midnight UTC of the day the data treats as "today". */
  readonly today: Date;
  readonly organization: Organization;
  private readonly cache = new Map<string, unknown>();

  constructor(seed: number, size: number, today: Date) {
    this.seed = seed;
    this.size = size;
    this.today = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    this.organization = buildOrganization(seed, size, this.today);
  }

  get costs(): CostModel {
    return this.memo("cost-model", () => new CostModel(this.seed, this.organization, this.today));
  }

  account(accountId: string): OrgAccount | undefined {
    return this.organization.accountById.get(accountId);
  }

  memo<T>(key: string, build: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = build();
    this.cache.set(key, value);
    return value;
  }
}
