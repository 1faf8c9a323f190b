import { NODEPOOL_TAG } from "../data/cost-catalog";
import type { CostLine } from "../data/cost-lines";
import type { OrgAccount } from "../data/organization";
import { SimError } from "../errors";
import type { Input } from "./input";

type Getter = (line: CostLine, account: OrgAccount) => string;

const DIMENSIONS: Record<string, Getter> = {
  LINKED_ACCOUNT: (_l, a) => a.id,
  LINKED_ACCOUNT_NAME: (_l, a) => a.name,
  SERVICE: (l) => l.service,
  INSTANCE_TYPE: (l) => l.instanceType,
  INSTANCE_TYPE_FAMILY: (l) => (l.instanceType.includes(".") ? l.instanceType.split(".").slice(0, -1).join(".") : l.instanceType),
  PURCHASE_TYPE: (l) => l.purchaseType,
  USAGE_TYPE: (l) => l.usageType,
  REGION: () => "us-east-1",
  AZ: () => "NoAZ",
  RECORD_TYPE: () => "Usage",
  OPERATION: (l) =>
    l.usageType.startsWith("BoxUsage") || l.usageType.startsWith("SpotUsage") ? "RunInstances" : "NotApplicable",
  PLATFORM: (l) => (l.instanceType.includes(".") ? "Linux/UNIX" : "NoPlatform"),
  TENANCY: (l) => (l.instanceType.includes(".") ? "Shared" : "NoTenancy"),
  BILLING_ENTITY: () => "AWS",
  LEGAL_ENTITY_NAME: () => "Amazon Web Services, Inc.",
};

export type LineKey = (line: CostLine, account: OrgAccount) => string;
export type LinePredicate = (line: CostLine, account: OrgAccount) => boolean;

export function dimensionGetter(key: string): Getter {
  const getter = DIMENSIONS[key];
  if (!getter)
    throw new SimError(
      "ValidationException",
      `Dimension ${key} is not allowed. Allowed dimension(s): ${Object.keys(DIMENSIONS).join(", ")}`,
      400,
    );
  return getter;
}

export function knownDimensions(): string[] {
  return Object.keys(DIMENSIONS);
}

/** Tags other than the Karpenter node pool are absent on every line, which CE reports as "". */
function tagValue(key: string): Getter {
  return key === NODEPOOL_TAG ? (l) => l.nodepool : () => "";
}

/** Turns a GroupBy entry into a function yielding the CE group key ("karpenter.sh/nodepool$spot" for tags). */
export function groupKeyGetter(group: Input): LineKey {
  const type = group.requiredString("Type");
  const key = group.requiredString("Key");
  if (type === "DIMENSION") return dimensionGetter(key);
  if (type === "TAG") {
    const value = tagValue(key);
    return (line, account) => `${key}$${value(line, account)}`;
  }
  throw new SimError("ValidationException", `Group Definition type ${type} is not supported by the simulator`, 400);
}

function valueMatcher(values: string[], options: string[]): (value: string) => boolean {
  const insensitive = options.includes("CASE_INSENSITIVE");
  const norm = (v: string): string => (insensitive ? v.toLowerCase() : v);
  const wanted = values.map(norm);
  if (options.includes("ABSENT")) return (value) => value === "";
  if (options.includes("STARTS_WITH")) return (value) => wanted.some((w) => norm(value).startsWith(w));
  if (options.includes("ENDS_WITH")) return (value) => wanted.some((w) => norm(value).endsWith(w));
  if (options.includes("CONTAINS")) return (value) => wanted.some((w) => norm(value).includes(w));
  return (value) => wanted.includes(norm(value));
}

/** Compiles a CE Expression (And/Or/Not/Dimensions/Tags) once, so each line costs one call. */
export function compileFilter(expression: Input | undefined): LinePredicate {
  if (!expression) return () => true;
  const and = expression.objects("And");
  if (and.length > 0) {
    const parts = and.map(compileFilter);
    return (l, a) => parts.every((p) => p(l, a));
  }
  const or = expression.objects("Or");
  if (or.length > 0) {
    const parts = or.map(compileFilter);
    return (l, a) => parts.some((p) => p(l, a));
  }
  const not = expression.object("Not");
  if (not) {
    const inner = compileFilter(not);
    return (l, a) => !inner(l, a);
  }
  const dimensions = expression.object("Dimensions");
  if (dimensions) {
    const getter = dimensionGetter(dimensions.requiredString("Key"));
    const match = valueMatcher(dimensions.strings("Values"), dimensions.strings("MatchOptions"));
    return (l, a) => match(getter(l, a));
  }
  const tags = expression.object("Tags");
  if (tags) {
    const getter = tagValue(tags.requiredString("Key"));
    const match = valueMatcher(tags.strings("Values"), tags.strings("MatchOptions"));
    return (l, a) => match(getter(l, a));
  }
  if (expression.object("CostCategories")) return () => false;
  throw new SimError(
    "ValidationException",
    "Expression must have at least one of And, Or, Not, Dimensions, Tags or CostCategories",
    400,
  );
}
