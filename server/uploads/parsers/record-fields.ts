import { AppError } from "~/server/errors";
import { asString } from "./json-values";

// What the incident and deployment readers share: strict times (a time without a zone is
// refused, never guessed), one ordinal severity scale, environment names, and a list of the
// problems found so that a bad file is refused whole, naming its first few bad fields.

const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A date-time with its zone, or undefined when it is not one (or names a day that does not exist). */
export function parseZonedTime(value: unknown): Date | undefined {
  const text = asString(value);
  const match = text === undefined ? null : ISO_WITH_ZONE.exec(text);
  if (!text || !match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

export const timeAdvice = "must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T09:30:00Z";

/** Collects what is wrong with a file; the first three problems are named, the rest counted. */
export class Problems {
  private readonly named: string[] = [];
  private count = 0;

  constructor(private readonly what: string) {}

  add(text: string): void {
    this.count++;
    if (this.named.length < 3) this.named.push(text);
  }

  /** How many problems so far: a reader compares it before and after one record. */
  get total(): number {
    return this.count;
  }

  /** Reads a time field: undefined when absent; a problem (and undefined) when present but unreadable. */
  time(value: unknown, label: string): Date | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    const time = parseZonedTime(value);
    if (!time) this.add(`${label}: ${timeAdvice} (found ${JSON.stringify(value).slice(0, 60)})`);
    return time;
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const more = this.count > 3 ? ` (and ${this.count - 3} more problem(s))` : "";
    throw new AppError("BAD_REQUEST", `The ${this.what} is invalid: ${this.named.join("; ")}${more}.`);
  }
}

const RANK_BY_NAME: Record<string, number> = {
  critical: 1,
  sev0: 1,
  sev1: 1,
  p1: 1,
  high: 2,
  major: 2,
  sev2: 2,
  p2: 2,
  medium: 3,
  moderate: 3,
  sev3: 3,
  p3: 3,
  low: 4,
  minor: 4,
  sev4: 4,
  p4: 4,
  none: 5,
  info: 5,
  informational: 5,
  "no impact": 5,
  sev5: 5,
  p5: 5,
};

/** Incident.severityRank (1 critical … 5 no impact) from a severity or priority name; undefined when unknown. */
export function severityRankOf(name: string | undefined): number | undefined {
  const key = name?.trim().toLowerCase();
  if (!key) return undefined;
  const spaced = key.replace(/[\s_-]+/g, " ");
  const leading = /^(sev ?\d|p\d)\b/.exec(spaced)?.[1]?.replace(" ", "");
  return RANK_BY_NAME[spaced] ?? RANK_BY_NAME[spaced.replace(/ /g, "")] ?? (leading ? RANK_BY_NAME[leading] : undefined);
}

const ENVIRONMENTS: [RegExp, string][] = [
  [/^(prod|production|prd|live)([-_ ].*)?$/i, "prod"],
  [/^(staging|stage|stg|preprod|pre-prod|uat)([-_ ].*)?$/i, "staging"],
  [/^(dev|development|develop|test|testing|qa|ci)([-_ ].*)?$/i, "dev"],
  [/^(sandbox|sbx|preview)([-_ ].*)?$/i, "sandbox"],
];

/** prod / staging / dev / sandbox where the name says so; the name as written otherwise. */
export function environmentOf(raw: string | undefined): string | undefined {
  const name = raw?.trim();
  if (!name) return undefined;
  for (const [pattern, environment] of ENVIRONMENTS) if (pattern.test(name)) return environment;
  return name.slice(0, 100);
}

/** Text for a title or service, trimmed and cut to a length the columns hold. */
export function text(value: unknown, max = 300): string | undefined {
  const found = asString(value);
  return found === undefined ? undefined : found.slice(0, max);
}
