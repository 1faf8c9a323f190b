import type { AccountEvidence, MaturityEvidence, ScpEvidence } from "./evidence";

export interface AppliedPolicy {
  policy: ScpEvidence;
  /** Where it is attached: "root", the OU's name path, or "account". */
  via: string;
}

/**
 * SCPs reach an account through the root, every OU above it and the account itself; an SCP on
 * /Workloads/Prod therefore governs an account in /Workloads/Prod/Payments/Team.
 */
export class OrgTree {
  private readonly ouById: Map<string, { parentId: string; path: string }>;
  private readonly scps: ScpEvidence[];
  private readonly cache = new Map<string, AppliedPolicy[]>();

  constructor(evidence: Pick<MaturityEvidence, "orgUnits" | "scps">) {
    this.ouById = new Map(evidence.orgUnits.map((u) => [u.ouId, { parentId: u.parentId, path: u.path }]));
    this.scps = evidence.scps;
  }

  isMember(account: AccountEvidence): boolean {
    return account.ouPath !== null && account.parentId !== null;
  }

  /** Target ids from the account up to the root, each with how to name it in a reason. */
  chain(account: AccountEvidence): Map<string, string> {
    const chain = new Map<string, string>([[account.accountId, "account"]]);
    let current = account.parentId;
    for (let depth = 0; current && depth < 10; depth++) {
      const unit = this.ouById.get(current);
      if (!unit) {
        chain.set(current, "root");
        break;
      }
      chain.set(current, `OU ${unit.path}`);
      current = unit.parentId;
    }
    return chain;
  }

  policiesFor(account: AccountEvidence): AppliedPolicy[] {
    const cached = this.cache.get(account.accountId);
    if (cached) return cached;
    const applied: AppliedPolicy[] = [];
    if (this.isMember(account)) {
      const chain = this.chain(account);
      for (const policy of this.scps) {
        const target = policy.targets.find((t) => chain.has(t.targetId) || (t.type === "ROOT" && !this.ouById.has(t.targetId)));
        if (target) applied.push({ policy, via: chain.get(target.targetId) ?? "root" });
      }
    }
    this.cache.set(account.accountId, applied);
    return applied;
  }
}
