// What an EC2 instance type is made of, its architecture, and its Graviton equivalent.
// Cost Explorer has no architecture field (research/finops.md §1.4): it is read from the
// instance type's family. The equivalence is the rule the FinOps issue fixes: same family class,
// generation and size, the generation being the first Graviton one at or after the x86 one
// (m5/m6i/m6a → m6g, c7i → c7g, t3 → t4g, r7i → r7g, m7i/m7a → m7g).
import type { Architecture } from "./types";

export interface InstanceType {
  /** "m7i" of "m7i.xlarge". */
  family: string;
  /** Family class: "m", "c", "r", "t", "x", "i", "g", "p", "inf", "mac"… */
  series: string;
  generation: number;
  /** Letters after the generation: "i" (Intel), "a" (AMD), "g" (Graviton), "d" (NVMe), "n" (network)… */
  attributes: string;
  /** "xlarge", "metal-24xl"… */
  size: string;
  flex: boolean;
}

const TYPE = /^([a-z]+)(\d+)([a-z]*)(-flex)?\.([a-z0-9-]+)$/;

/** Parses an EC2 instance type; undefined for anything else (NoInstanceType, db.r6g.large, ""). */
export function parseInstanceType(name: string): InstanceType | undefined {
  const match = TYPE.exec(name.trim().toLowerCase());
  if (!match) return undefined;
  const [, series, generation, attributes, flex, size] = match;
  return {
    family: `${series}${generation}${attributes}${flex ?? ""}`,
    series: series!,
    generation: Number(generation),
    attributes: attributes!,
    size: size!,
    flex: Boolean(flex),
  };
}

function isGravitonType(type: InstanceType): boolean {
  // a1 is Graviton1; otherwise a "g" right after the generation digit (m7g, c7gn, r8gd, t4g, g5g, im4gn).
  return type.family === "a1" || /^g/.test(type.attributes) || (type.series === "is" && type.attributes === "gen");
}

// Families whose instances are Apple hardware: neither x86 servers nor Graviton.
const APPLE = new Set(["mac"]);

export function architectureOf(instanceType: string): Architecture {
  const type = parseInstanceType(instanceType);
  if (!type || APPLE.has(type.series)) return "other";
  return isGravitonType(type) ? "graviton" : "x86";
}

// GPU, accelerator and FPGA families: no Graviton equivalent runs the same work.
const ACCELERATED = new Set(["p", "g", "gr", "inf", "trn", "dl", "f", "vt", "hpc"]);

/** Graviton generations that exist per family class, with the attribute letters they come in. */
const GRAVITON_FAMILIES: Record<string, { generations: number[]; suffixes: Record<number, string[]> }> = {
  m: { generations: [6, 7, 8], suffixes: { 6: ["", "d"], 7: ["", "d"], 8: ["", "d"] } },
  c: { generations: [6, 7, 8], suffixes: { 6: ["", "d", "n"], 7: ["", "d", "n"], 8: ["", "d", "n"] } },
  r: { generations: [6, 7, 8], suffixes: { 6: ["", "d"], 7: ["", "d"], 8: ["", "d"] } },
  t: { generations: [4], suffixes: { 4: [""] } },
  x: { generations: [2, 8], suffixes: { 2: ["d"], 8: [""] } },
};

export type NoEquivalentReason = "graviton" | "accelerated" | "metal" | "mac" | "unknown-type" | "no-graviton-family";

export interface Equivalence {
  /** The Graviton instance type of the same class, generation (or the next with Graviton) and size. */
  equivalent?: string;
  /** Why there is none. */
  reason?: NoEquivalentReason;
  /** "intel" or "amd", which picks the fallback percentage (20% Intel, 10% AMD). */
  vendor?: "intel" | "amd";
}

/** The Graviton equivalent of an x86 instance type, or why it has none. */
export function gravitonEquivalent(instanceType: string): Equivalence {
  const type = parseInstanceType(instanceType);
  if (!type) return { reason: "unknown-type" };
  if (APPLE.has(type.series)) return { reason: "mac" };
  if (isGravitonType(type)) return { reason: "graviton" };
  if (ACCELERATED.has(type.series)) return { reason: "accelerated" };
  if (type.size.startsWith("metal")) return { reason: "metal" };
  const vendor = type.attributes.startsWith("a") ? "amd" : "intel";
  const graviton = GRAVITON_FAMILIES[type.series];
  const generation = graviton?.generations.find((g) => g >= type.generation);
  if (!graviton || generation === undefined) return { reason: "no-graviton-family", vendor };
  const wanted = type.attributes.includes("d") ? "d" : type.series === "c" && type.attributes.includes("n") ? "n" : "";
  const suffixes = graviton.suffixes[generation] ?? [""];
  const suffix = suffixes.includes(wanted) ? wanted : (suffixes[0] ?? "");
  return { equivalent: `${type.series}${generation}g${suffix}.${type.size}`, vendor };
}

export const NO_EQUIVALENT_LABEL: Record<NoEquivalentReason, string> = {
  graviton: "already Graviton",
  accelerated: "GPU, accelerator or FPGA: no Graviton equivalent",
  metal: "bare metal: not counted",
  mac: "Mac instance: not counted",
  "unknown-type": "not an EC2 instance type",
  "no-graviton-family": "no Graviton family of that class and generation",
};

/**
 * The x86 (Intel) type a Graviton type replaced, for the realized Graviton counterfactual:
 * same class, generation and size (m7g → m7i, r6gd → r6id); t4g → t3, a1 → m5 (its era's general purpose).
 */
export function x86Equivalent(instanceType: string): string | undefined {
  const type = parseInstanceType(instanceType);
  if (!type || !isGravitonType(type) || ACCELERATED.has(type.series)) return undefined;
  if (type.family === "a1") return `m5.${type.size}`;
  if (type.series === "t") return `t3.${type.size}`;
  if (!GRAVITON_FAMILIES[type.series]) return undefined;
  const rest = type.attributes.slice(1);
  const suffix = rest.includes("d") ? "d" : rest.includes("n") ? "n" : "";
  return `${type.series}${type.generation}i${suffix}.${type.size}`;
}
