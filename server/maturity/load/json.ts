import type { EcrRegistryScanningEvidence, FisTemplateEvidence, ScpTarget } from "../evidence";

// JSON columns as the sync wrote them, read defensively: a malformed value yields nothing rather
// than a crash, and the rule then judges what is there.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const records = (json: unknown): Array<Record<string, unknown>> => (Array.isArray(json) ? json.filter(isRecord) : []);

/** Tags (FisExperiment.tags, EksCluster.tags): string values only. */
export function stringRecord(json: unknown): Record<string, string> {
  if (!isRecord(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const TARGET_TYPES = new Set<string>(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]);

/** Scp.targets: { targetId, type, name } as Organizations listed them. */
export function scpTargets(json: unknown): ScpTarget[] {
  return records(json).flatMap((t) =>
    typeof t.targetId === "string" && typeof t.type === "string" && TARGET_TYPES.has(t.type)
      ? [{ targetId: t.targetId, type: t.type as ScpTarget["type"] }]
      : [],
  );
}

/** FisTemplate.stopConditions: { source, value: string | null }; source "none" stops nothing. */
export function stopConditions(json: unknown): FisTemplateEvidence["stopConditions"] {
  return records(json).map((c) => ({
    source: typeof c.source === "string" ? c.source : "none",
    ...(typeof c.value === "string" ? { value: c.value } : {}),
  }));
}

/** EcrRegistryScanning.rules: { scanFrequency, repositoryFilters: [{ filter, filterType }] }. */
export function registryRules(json: unknown): EcrRegistryScanningEvidence["rules"] {
  return records(json).map((rule) => ({
    scanFrequency: typeof rule.scanFrequency === "string" ? rule.scanFrequency : "",
    repositoryFilters: records(rule.repositoryFilters).map((f) => ({
      filter: typeof f.filter === "string" ? f.filter : "",
      filterType: typeof f.filterType === "string" ? f.filterType : "",
    })),
  }));
}
