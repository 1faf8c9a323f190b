import { compare } from "./compute/compare";
import { doraTable } from "./compute/dora";
import { trendBuckets } from "./compute/buckets";
import { productionPredicate, type ProductionPredicate } from "./compute/failures";
import { durationStats } from "./compute/stats";
import { changeById, suggestChanges } from "./compute/suggestions";
import type {
  Bucket,
  ChangeSuggestion,
  Comparison,
  DeploymentEvent,
  DoraTable,
  DurationStats,
  ExperimentEvent,
  IncidentEvent,
  MaturityEvent,
  TrendBucket,
} from "./types";

// The service's one door to the pure computations (server/incidents/compute/*): the events the
// loaders produce go in, the contract's shapes come out.

export interface Events {
  incidents: IncidentEvent[];
  deployments: DeploymentEvent[];
  experiments: ExperimentEvent[];
  maturity: MaturityEvent[];
}

export type { ProductionPredicate };

/** Production: an event's own environment, else its account's (the account directory). */
export const isProductionFor = (environmentOf: (accountId: string) => string | null | undefined): ProductionPredicate =>
  productionPredicate(environmentOf);

export const restoreStats = (incidents: IncidentEvent[], asOf: Date): DurationStats => durationStats(incidents, asOf);

export function buckets(ev: Events, opts: { from: Date; to: Date; bucket: Bucket; asOf: Date }): TrendBucket[] {
  return trendBuckets(ev, opts);
}

export function dora(
  ev: Events,
  opts: {
    from: Date;
    to: Date;
    failureWindowHours: number;
    asOf: Date;
    isProduction: ProductionPredicate;
    ouOf: (accountId: string) => string | null;
    accountName?: (accountId: string) => string | null;
  },
): DoraTable {
  return doraTable(ev, opts);
}

export function suggestions(ev: Events, opts: { isProduction: ProductionPredicate; asOf: Date }): ChangeSuggestion[] {
  return suggestChanges(ev, opts);
}

export function findChange(
  id: string,
  ev: Events,
  opts: { isProduction: ProductionPredicate; asOf: Date },
): ChangeSuggestion | null {
  return changeById(id, ev, opts);
}

export function comparison(
  change: ChangeSuggestion,
  ev: Events,
  opts: { windowDays: number; asOf: Date; isProduction: ProductionPredicate; failureWindowHours: number },
): Comparison {
  return compare(change, ev, opts);
}
