import { money } from "./formulas/decimal";
import { accountFilter, loadDirectory, type Directory } from "./accounts";
import { computeRange } from "./compute";
import { headline } from "./explain";
import type { AccountFigures } from "./figures";
import { coverageByMonth, heldCommitments, storedRecommendations } from "./load/commitments";
import { otherProviderTotals } from "./load/focus";
import { monthKey, monthStart, monthToDate, periodOptions, resolvePeriod, startOfDay, trendMonths } from "./periods";
import {
  breakdown,
  commitmentMonths,
  expiring,
  karpenterArrival,
  nodePoolRows,
  recommendationRows,
  riCallout,
  trendMonth,
} from "./sections";
import { addUp } from "./totals";
import type { DrillRef, FinOpsFilters, FinOpsOverview, PeriodInfo, SourceInfo } from "./types";
import type { PriceBook } from "./prices/price-book";

// The FinOps page in one call: every figure a sum of account-month figures (compute.ts) over
// the accounts the filters keep, so a filtered headline is the sum of its rows and the
// unfiltered one is the organisation's.

function sourceInfo(figures: AccountFigures[], others: FinOpsOverview["source"]["otherProviders"]): SourceInfo {
  const focus = new Set(figures.filter((f) => f.source === "focus").map((f) => f.accountId));
  const ce = new Set(figures.filter((f) => f.source === "cost-explorer").map((f) => f.accountId));
  const plural = (n: number) => `${n} account${n === 1 ? "" : "s"}`;
  if (!focus.size && !ce.size) return { kind: "none", note: "No AWS cost data for this period.", otherProviders: others };
  if (!ce.size) return { kind: "focus", note: `FOCUS export (invoice-grade) for ${plural(focus.size)}.`, otherProviders: others };
  if (!focus.size) return { kind: "cost-explorer", note: `Cost Explorer for ${plural(ce.size)}.`, otherProviders: others };
  return {
    kind: "mixed",
    note: `FOCUS export (invoice-grade) for ${plural(focus.size)}, Cost Explorer for ${plural(ce.size)}; where both cover an account and month, FOCUS is used.`,
    otherProviders: others,
  };
}

function groupBy(figures: AccountFigures[], keyOf: (f: AccountFigures) => { key: string; label: string }) {
  const groups = new Map<string, { label: string; figures: AccountFigures[] }>();
  for (const f of figures) {
    const { key, label } = keyOf(f);
    const g = groups.get(key) ?? { label, figures: [] };
    g.figures.push(f);
    groups.set(key, g);
  }
  return groups;
}

export interface OverviewOptions {
  now?: Date;
  /** Fixed prices (tests, benchmarks); otherwise the stored price list with the fallback table. */
  prices?: PriceBook;
}

export async function finopsOverview(
  workspaceId: string,
  filters: FinOpsFilters,
  opts: OverviewOptions = {},
): Promise<FinOpsOverview> {
  const now = opts.now ?? new Date();
  const period = resolvePeriod(filters.period, now);
  const mtd = monthToDate(now);
  const months = trendMonths(period);
  const from = monthStart(months[0]!);
  // Always through today: the month to date sits beside any period.
  const periodEnd = new Date(`${period.to}T00:00:00Z`);
  const to = startOfDay(now) > periodEnd ? startOfDay(now) : periodEnd;
  const [directory, computed] = await Promise.all([
    loadDirectory(workspaceId),
    computeRange({ workspaceId, from, to, now, prices: opts.prices }),
  ]);
  const keep = accountFilter(directory, filters);
  const figures = computed.figures.filter((f) => keep(f.accountId));
  const periodMonth = period.from.slice(0, 7);
  const inMonth = (month: string) => figures.filter((f) => f.month === month);
  const drillBase = (p: PeriodInfo): Omit<DrillRef, "table"> => ({
    from: p.from,
    to: p.to,
    ...(filters.accountId ? { accountId: filters.accountId } : {}),
  });
  const current = inMonth(periodMonth);
  const payers = [...new Set(figures.map((f) => f.payerRef).filter((p): p is string => p !== null))];
  const [others, coverage, held, recs] = await Promise.all([
    otherProviderTotals(workspaceId, new Date(`${period.from}T00:00:00Z`), new Date(`${period.to}T00:00:00Z`)),
    coverageByMonth(payers, from, to),
    heldCommitments(payers),
    storedRecommendations(payers),
  ]);
  const payerMonths = computed.payerMonths.filter((p) => payers.includes(p.payerRef));
  const arrived = karpenterArrival(figures);
  const byAccountGroups = groupBy(current, (f) => ({
    key: f.accountId,
    label: directory.accounts.get(f.accountId)?.name ?? f.accountId,
  }));
  const ouOf = (f: AccountFigures) => directory.accounts.get(f.accountId)?.ouPath ?? "";
  return {
    source: sourceInfo(
      current,
      others.map((o) => ({ provider: o.provider, effectiveCost: money(o.effectiveCost)!, billedCost: money(o.billedCost)! })),
    ),
    filters: { ...filters, period: period.key },
    options: options(directory, computed.figures, now),
    headline: headline(addUp(current), period, drillBase(period)),
    monthToDate: period.key === "mtd" ? null : headline(addUp(inMonth(monthKey(now))), mtd, drillBase(mtd)),
    trend: months.map((month) => trendMonth(month, inMonth(month))),
    karpenterArrived: arrived,
    nodePools: nodePoolRows(current, drillBase(period)),
    karpenterRiCallout: arrived
      ? riCallout(
          arrived,
          months.filter((mo) => mo <= periodMonth),
          payerMonths,
          held,
          now,
        )
      : null,
    commitments: {
      months: commitmentMonths(months, payerMonths, coverage),
      expiring: expiring(held, now),
      recommendations: recommendationRows(recs),
    },
    byAccount: breakdown(byAccountGroups, (key) => ({ table: "ec2", ...drillBase(period), accountId: key })),
    byOu: breakdown(
      groupBy(current, (f) => ({ key: ouOf(f), label: ouOf(f) || "(no OU)" })),
      () => ({ table: "ec2", ...drillBase(period) }),
    ),
    byEnvironment: breakdown(
      groupBy(current, (f) => {
        const env = directory.accounts.get(f.accountId)?.environment ?? "";
        return { key: env, label: env || "(no environment)" };
      }),
      () => ({ table: "ec2", ...drillBase(period) }),
    ),
  };
}

function options(directory: Directory, figures: AccountFigures[], now: Date): FinOpsOverview["options"] {
  const seen = new Set(figures.map((f) => f.accountId));
  const accounts = [...seen]
    .map((accountId) => ({ accountId, name: directory.accounts.get(accountId)?.name ?? null }))
    .sort((a, b) => (a.name ?? "~").localeCompare(b.name ?? "~") || a.accountId.localeCompare(b.accountId));
  const environments = ["prod", "staging", "dev", "sandbox"].filter((e) =>
    [...seen].some((id) => directory.accounts.get(id)?.environment === e),
  );
  return { periods: periodOptions(now), ous: directory.ous, environments, accounts };
}
