// What AWS's FOCUS export says beyond FOCUS itself: the usage type (x_UsageType, e.g.
// "USE1-SpotUsage:c7g.xlarge") names the instance type of EC2 instance hours; SkuPriceDetails
// may carry it too; the Tags object carries Karpenter's node pool, as the cost-allocation tag
// "user:karpenter.sh/nodepool" or plain "karpenter.sh/nodepool".

const INSTANCE_HOURS = /(?:^|-)(?:BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|UnusedBox|UnusedDed|ReservedHostUsage)$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;
// Other providers name machine types their own way (n2-standard-4, Standard_D2s_v5).
const SKU_INSTANCE_TYPE = /^[A-Za-z0-9][\w.-]{0,62}$/;
const NODE_POOL_KEYS = ["karpenter.sh/nodepool", "user:karpenter.sh/nodepool", "aws:karpenter.sh/nodepool"];

export function instanceTypeOf(usageType: string | null, skuPriceDetails: string | null): string | null {
  if (usageType) {
    const colon = usageType.lastIndexOf(":");
    if (colon > 0 && INSTANCE_HOURS.test(usageType.slice(0, colon))) {
      const type = usageType.slice(colon + 1).trim();
      if (INSTANCE_TYPE.test(type)) return type;
    }
  }
  if (skuPriceDetails && /instancetype/i.test(skuPriceDetails)) {
    const details = parseObject(skuPriceDetails);
    const key = details && Object.keys(details).find((k) => /^(x_)?instancetype$/i.test(k));
    const type = key ? details[key] : undefined;
    if (typeof type === "string" && SKU_INSTANCE_TYPE.test(type)) return type;
  }
  return null;
}

export function nodePoolOf(tags: string | null): string | null {
  if (!tags?.includes("karpenter.sh/nodepool")) return null;
  const parsed = parseObject(tags);
  if (!parsed) return null;
  for (const key of NODE_POOL_KEYS) {
    const value = parsed[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return null;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
