import { type ServiceInfo, serviceError } from "./catalog";
import { createRandom, type Random } from "./data/random";
import { type SimError } from "./errors";

interface FaultScope {
  /** Signing name or IAM prefix ("ce", "monitoring" or "cloudwatch"); omitted = every service. */
  service?: string;
  /** Operation name ("ListAccounts"); omitted = every operation. */
  action?: string;
  /** Only calls made with credentials of this account. */
  accountId?: string;
  /** Probability in 0..1 that a matching call is affected; default 1. */
  rate?: number;
  /** Stop after affecting this many calls. */
  times?: number;
}

export type FaultRule =
  | (FaultScope & { kind: "latency"; latencyMs: number })
  | (FaultScope & { kind: "throttle" })
  | (FaultScope & { kind: "server-error"; status?: 500 | 503 })
  | (FaultScope & { kind: "access-denied" })
  /** Token bucket per calling account, like AWS's per-account API rate limits. */
  | (FaultScope & { kind: "rate-limit"; requestsPerSecond: number; burst?: number });

export interface FaultCall {
  service: ServiceInfo;
  action: string;
  accountId: string;
  principalArn: string;
}

export interface FaultOutcome {
  delayMs: number;
  error?: SimError;
}

interface ActiveRule {
  id: number;
  rule: FaultRule;
  random: Random;
  applied: number;
  buckets: Map<string, { tokens: number; updatedAt: number }>;
}

export class FaultEngine {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly seed: number) {}

  add(rule: FaultRule): number {
    const id = this.nextId++;
    // Each rule draws from its own seeded stream, so adding a rule never shifts another's sequence.
    this.rules.push({ id, rule, random: createRandom(this.seed, "fault", id), applied: 0, buckets: new Map() });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  replace(rules: readonly FaultRule[]): number[] {
    this.rules = [];
    return rules.map((rule) => this.add(rule));
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<{ id: number; rule: FaultRule; applied: number }> {
    return this.rules.map(({ id, rule, applied }) => ({ id, rule, applied }));
  }

  evaluate(call: FaultCall, nowMs: number): FaultOutcome {
    const outcome: FaultOutcome = { delayMs: 0 };
    for (const active of this.rules) {
      if (!matches(active.rule, call)) continue;
      if (active.rule.times !== undefined && active.applied >= active.rule.times) continue;
      if (active.rule.kind === "rate-limit") {
        if (!takeToken(active, call.accountId, nowMs)) {
          active.applied++;
          outcome.error ??= throttle(call);
        }
        continue;
      }
      if (active.random.next() >= (active.rule.rate ?? 1)) continue;
      active.applied++;
      if (active.rule.kind === "latency") outcome.delayMs += active.rule.latencyMs;
      else outcome.error ??= errorFor(active.rule, call);
    }
    return outcome;
  }
}

function matches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.service !== undefined && rule.service !== "*") {
    const wanted = rule.service.toLowerCase();
    if (wanted !== call.service.signingName && wanted !== call.service.iamPrefix) return false;
  }
  if (rule.action !== undefined && rule.action !== "*" && rule.action !== call.action) return false;
  return rule.accountId === undefined || rule.accountId === call.accountId;
}

function takeToken(active: ActiveRule, accountId: string, nowMs: number): boolean {
  if (active.rule.kind !== "rate-limit") return true;
  const capacity = active.rule.burst ?? Math.max(1, active.rule.requestsPerSecond);
  const bucket = active.buckets.get(accountId) ?? { tokens: capacity, updatedAt: nowMs };
  bucket.tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * active.rule.requestsPerSecond);
  bucket.updatedAt = nowMs;
  active.buckets.set(accountId, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

function throttle(call: FaultCall): SimError {
  return serviceError(call.service, "throttling", "Rate exceeded");
}

function errorFor(rule: FaultRule, call: FaultCall): SimError {
  switch (rule.kind) {
    case "throttle":
      return throttle(call);
    case "server-error":
      return rule.status === 503
        ? serviceError(call.service, "unavailable", "Service is temporarily unavailable. Please try again later.")
        : serviceError(call.service, "serverError", "We encountered an internal error. Please try again.");
    default:
      return accessDenied(call.service, call.principalArn, `${call.service.iamPrefix}:${call.action}`);
  }
}

/** AWS's wording for an identity policy that lacks the action. */
export function accessDenied(service: ServiceInfo, principalArn: string, iamAction: string, resource = "*"): SimError {
  const resourcePart = resource === "*" ? "" : ` on resource: ${resource}`;
  return serviceError(
    service,
    "accessDenied",
    `User: ${principalArn} is not authorized to perform: ${iamAction}${resourcePart} because no identity-based policy allows the ${iamAction} action`,
  );
}
