// The shapes the FinOps service returns (server/finops/overview.ts) and the page renders.
// Amounts are decimal strings in USD (never floats); null means "no data", never zero.

/** What a number rests on, shown beside it. */
export type PriceBasis =
  /** On-demand list prices fetched from the AWS Price List Query API (with their fetch date). */
  | "price-list"
  /** The dated fallback table in server/finops/prices/fallback.ts. */
  | "fallback-table"
  /** A fallback percentage (20% Intel / 10% AMD Graviton, 55% Spot, 20% commitments). */
  | "fallback-percentage"
  /** The organisation's own usage (e.g. its observed Spot discount). */
  | "observed"
  /** A figure Cost Explorer computed (NetSavings, NetRISavings, a purchase recommendation). */
  | "cost-explorer"
  /** A FOCUS export's own columns (ListCost, EffectiveCost…). */
  | "focus";

export type CostSource = "cost-explorer" | "focus";

export interface Input {
  label: string;
  /** Decimal string; null = no data. */
  value: string | null;
  unit: "USD" | "%" | "hours" | "count";
}

/** Where the rows behind a number are: the drill-down query that lists them. */
export interface DrillRef {
  /** Which rows: EC2 cost rows, node-pool rows, commitment rows or FOCUS rows. */
  table: "ec2" | "nodepool" | "commitment" | "focus";
  from: string;
  to: string;
  accountId?: string;
  instanceType?: string;
  purchaseOption?: PurchaseOption;
  nodePool?: string;
  architecture?: Architecture;
}

/** A number with how it was computed. */
export interface Explained {
  /** Decimal string (USD, or a fraction 0..1 for rates); null = no data. */
  value: string | null;
  /** The formula in words, e.g. "ESR = 1 − effective cost ÷ on-demand equivalent". */
  formula: string;
  inputs: Input[];
  assumptions: string[];
  basis: PriceBasis[];
  /** Fetch date of the oldest list price used, ISO; absent when no list price was used. */
  pricesFetchedAt?: string;
  drill?: DrillRef;
}

export type Architecture = "graviton" | "x86" | "other";
export type PurchaseOption = "on_demand" | "spot" | "reserved" | "savings_plans";

export interface FinOpsFilters {
  /** "YYYY-MM" (a calendar month, UTC) or "mtd" (this month to date). Default: last full month. */
  period?: string;
  /** An OU id ("ou-…") or path; accounts below it. */
  ou?: string;
  environment?: string;
  accountId?: string;
}

export interface PeriodInfo {
  /** "YYYY-MM" or "mtd". */
  key: string;
  label: string;
  /** Inclusive start, exclusive end, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Some of its cost rows are still estimated by AWS (not final). */
  estimated: boolean;
}

export interface Headline {
  period: PeriodInfo;
  ec2Spend: Explained;
  onDemandEquivalent: Explained;
  esr: Explained;
  realized: { commitments: Explained; spot: Explained; graviton: Explained; total: Explained };
  waste: { reservedInstances: Explained; savingsPlans: Explained; total: Explained };
  /** Applied in the order Graviton → Spot → commitments, each on what remains. */
  potential: { graviton: Explained; spot: Explained; commitments: Explained; total: Explained };
}

export interface TrendMonth {
  month: string;
  estimated: boolean;
  byArchitecture: Record<Architecture, string>;
  byPurchaseOption: Record<PurchaseOption, string>;
  /** Fractions 0..1 of EC2 spend; null when there was no EC2 spend. */
  gravitonShare: string | null;
  spotShare: string | null;
  realizedSavings: string | null;
}

export interface NodePoolRow {
  /** "" = EC2 spend without the karpenter.sh/nodepool tag ("not managed by Karpenter"). */
  nodePool: string;
  spend: string;
  spotShare: string | null;
  gravitonShare: string | null;
  realizedSpotSavings: string | null;
  drill: DrillRef;
}

export interface KarpenterRiCallout {
  /** First month with spend tagged karpenter.sh/nodepool. */
  karpenterSince: string;
  months: { month: string; unusedRiCost: string; unusedRiHours: string; utilisation: string | null }[];
  totalUnusedRiCost: string;
  reservations: CommitmentRow[];
}

export interface CommitmentMonth {
  month: string;
  riUtilisation: string | null;
  riCoverage: string | null;
  spUtilisation: string | null;
  spCoverage: string | null;
  riUnused: string | null;
  spUnused: string | null;
}

export interface CommitmentRow {
  kind: "ri" | "sp";
  commitmentId: string;
  offering: string;
  instanceCount: number | null;
  hourlyCommitment: string | null;
  region: string | null;
  startsAt: string | null;
  endsAt: string | null;
  /** Days until it ends, from now; null when the end is unknown. */
  daysLeft: number | null;
}

export interface RecommendationRow {
  savingsPlansType: string;
  termInYears: string;
  paymentOption: string;
  lookbackDays: number;
  hourlyCommitment: string | null;
  estimatedMonthlySavings: string | null;
  estimatedSavingsPercentage: string | null;
  generatedAt: string | null;
}

/** One row of the per-account, per-OU and per-environment tables. */
export interface BreakdownRow {
  /** Account id, OU id or environment name. */
  key: string;
  label: string;
  ec2Spend: string | null;
  gravitonShare: string | null;
  spotShare: string | null;
  realized: string | null;
  potential: string | null;
  esr: string | null;
  drill: DrillRef;
}

export interface SourceInfo {
  /** Which source the AWS figures come from; "none" when there is no cost data at all. */
  kind: CostSource | "mixed" | "none";
  /** Human sentence: e.g. "FOCUS export (invoice-grade) for 3 accounts, Cost Explorer for 9". */
  note: string;
  /** FOCUS rows of other providers, kept apart from AWS figures. */
  otherProviders: { provider: string; effectiveCost: string; billedCost: string }[];
}

export interface FinOpsOverview {
  source: SourceInfo;
  filters: Required<Pick<FinOpsFilters, "period">> & Omit<FinOpsFilters, "period">;
  options: {
    periods: PeriodInfo[];
    ous: { id: string; path: string }[];
    environments: string[];
    accounts: { accountId: string; name: string | null }[];
  };
  headline: Headline;
  /** Month to date, beside the chosen period (null when the chosen period is the current month). */
  monthToDate: Headline | null;
  trend: TrendMonth[];
  /** First month with spend tagged karpenter.sh/nodepool, null when none. */
  karpenterArrived: string | null;
  nodePools: NodePoolRow[];
  karpenterRiCallout: KarpenterRiCallout | null;
  commitments: { months: CommitmentMonth[]; expiring: CommitmentRow[]; recommendations: RecommendationRow[] };
  byAccount: BreakdownRow[];
  byOu: BreakdownRow[];
  byEnvironment: BreakdownRow[];
}

/** A cost row behind a number (the drill-down). */
export interface CostRowView {
  source: CostSource;
  day: string;
  accountId: string;
  instanceType: string | null;
  purchaseOption: string | null;
  nodePool: string | null;
  effectiveCost: string;
  listCost: string | null;
  usageHours: string | null;
  estimated: boolean;
}

/** One page of drill-down rows (finops.rows), with the sum of every matching row (all pages). */
export interface CostRowsPage {
  rows: CostRowView[];
  total: number;
  page: number;
  pageSize: number;
  /** Σ effective cost of every matching row: the number the rows explain, to check against. */
  sum: string;
}
