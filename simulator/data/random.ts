// Everything the simulator invents flows from these helpers, so that one (seed, size) pair always
// yields byte-identical data and fault sequences.

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Stateless noise in [0, 1) for a seed and a key: lets cost rows be recomputed instead of stored. */
export function noise(seed: number, ...key: Array<string | number>): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of key) h = mix(h ^ (typeof part === "number" ? part : cachedHash(part)));
  return mix(h) / 4294967296;
}

// Cost lines hash the same few service names millions of times.
const hashes = new Map<string, number>();
function cachedHash(text: string): number {
  let h = hashes.get(text);
  if (h === undefined) {
    h = hashString(text);
    if (hashes.size < 10_000) hashes.set(text, h);
  }
  return h;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  hex(length: number): string;
  alnum(length: number, alphabet?: string): string;
}

/** mulberry32: small, fast and good enough for synthetic data. */
export function createRandom(seed: number, ...key: Array<string | number>): Random {
  let state = Math.floor(noise(seed, ...key) * 4294967296) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alnum = (length: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"): string => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)] ?? "A";
    return out;
  };
  return {
    next,
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
    hex: (length) => alnum(length, "0123456789abcdef"),
    alnum,
  };
}
