import { db } from "~/server/db";
import { gravitonEquivalent, x86Equivalent } from "./instance-types";
import { loadPriceBook, type PriceBook } from "./prices/price-book";
import { D, sum, type Decimal } from "./formulas/decimal";
import { commitmentPotential, type Recommendation } from "./formulas/potential";
import { orgContext, type OrgContext } from "./context";
import { accountFigures, type AccountFigures } from "./figures";
import { loadCostExplorer } from "./load/cost-explorer";
import { loadFocus } from "./load/focus";
import type { AccountMonth, PayerMonth } from "./load/types";

// The one computation: every FinOps number (page, export, overview tile, the FinOps practice's
// maturity checks) is a sum of these account-month figures.
//
// Source per (account, month): FOCUS rows when the workspace imported AWS rows for that
// sub-account and month (invoice-grade), else Cost Explorer rows from the account's payer.

export interface ComputedRange {
  figures: AccountFigures[];
  payerMonths: PayerMonth[];
  prices: PriceBook;
  /** The recommendation each payer's commitment potential used, if any. */
  recommendations: Map<string, RecommendationUsed>;
}

export interface RecommendationUsed {
  savingsPlansType: string;
  termInYears: string;
  paymentOption: string;
  lookbackDays: number;
  monthlySavings: Decimal;
}

// CE answers several combinations; the one read is the most common first purchase.
const PREFERRED = { savingsPlansType: "COMPUTE_SP", termInYears: "ONE_YEAR", paymentOption: "NO_UPFRONT", lookbackDays: 30 };

async function recommendations(payerRefs: string[]): Promise<Map<string, RecommendationUsed>> {
  if (!payerRefs.length) return new Map();
  const rows = await db.savingsPlanRecommendation.findMany({
    where: { awsAccountRef: { in: payerRefs }, estimatedMonthlySavings: { not: null } },
  });
  const score = (r: (typeof rows)[number]) =>
    Object.entries(PREFERRED).filter(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v).length;
  const chosen = new Map<string, RecommendationUsed>();
  for (const r of rows.sort((a, b) => score(b) - score(a) || a.savingsPlansType.localeCompare(b.savingsPlansType))) {
    if (chosen.has(r.awsAccountRef)) continue;
    chosen.set(r.awsAccountRef, {
      savingsPlansType: r.savingsPlansType,
      termInYears: r.termInYears,
      paymentOption: r.paymentOption,
      lookbackDays: r.lookbackDays,
      monthlySavings: r.estimatedMonthlySavings!,
    });
  }
  return chosen;
}

/** Hours of a month that fall inside [from, to). */
export function hoursIn(month: string, from: Date, to: Date): Decimal {
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const lo = Math.max(start.getTime(), from.getTime());
  const hi = Math.min(end.getTime(), to.getTime());
  return D(Math.max(0, hi - lo) / 3_600_000);
}

function priceTypes(months: AccountMonth[], payers: PayerMonth[]): Set<string> {
  const types = new Set<string>();
  const add = (type: string) => {
    types.add(type);
    const g = gravitonEquivalent(type).equivalent;
    const x = x86Equivalent(type);
    if (g) types.add(g);
    if (x) types.add(x);
  };
  for (const am of months) for (const t of am.types) add(t.instanceType);
  for (const pm of payers) for (const t of pm.typePurchase) add(t.instanceType);
  return types;
}

const key = (...parts: (string | null)[]) => parts.join("\u0000");

export async function computeRange(opts: {
  workspaceId: string;
  from: Date;
  to: Date;
  now: Date;
  prices?: PriceBook;
}): Promise<ComputedRange> {
  const { workspaceId, from, to, now } = opts;
  const [ce, focus] = await Promise.all([loadCostExplorer({ workspaceId, from, to }), loadFocus({ workspaceId, from, to, now })]);
  const prices = opts.prices ?? (await loadPriceBook(priceTypes([...ce.accountMonths, ...focus], ce.payerMonths)));
  const fromFocus = new Set(focus.map((am) => key(am.accountId, am.month)));

  const ceByPayer = new Map<string, AccountMonth[]>();
  for (const am of ce.accountMonths) {
    const k = key(am.payerRef, am.month);
    ceByPayer.set(k, [...(ceByPayer.get(k) ?? []), am]);
  }
  const payerByKey = new Map(ce.payerMonths.map((pm) => [key(pm.payerRef, pm.month), pm]));
  const contexts = new Map<string, OrgContext>();
  const contextOf = (am: AccountMonth): OrgContext => {
    const k = am.source === "focus" ? key("focus", am.month) : key(am.payerRef, am.month);
    let ctx = contexts.get(k);
    if (!ctx) {
      if (am.source === "focus") {
        const lines = focus.filter((f) => f.month === am.month).flatMap((f) => f.exact?.lines ?? []);
        ctx = orgContext(lines, prices, null, []);
      } else {
        const payer = payerByKey.get(k) ?? null;
        ctx = orgContext(payer?.typePurchase ?? [], prices, payer, ceByPayer.get(k) ?? []);
      }
      contexts.set(k, ctx);
    }
    return ctx;
  };

  const kept = [...ce.accountMonths.filter((am) => !fromFocus.has(key(am.accountId, am.month))), ...focus];
  const figures = kept.map((am) => accountFigures(am, contextOf(am), prices));

  // Commitments come last, on what Graviton and Spot left, with CE's recommendation for the payer.
  const recs = await recommendations([...new Set(ce.payerMonths.map((pm) => pm.payerRef))]);
  const onDemandByPayer = new Map<string, Decimal>();
  for (const f of figures) {
    if (!f.payerRef) continue;
    const k = key(f.payerRef, f.month);
    onDemandByPayer.set(k, sum([onDemandByPayer.get(k) ?? D(0), f.onDemand]));
  }
  for (const f of figures) {
    const rec = f.payerRef ? recs.get(f.payerRef) : undefined;
    const recommendation: Recommendation | null = rec
      ? { monthlySavings: rec.monthlySavings, organisationOnDemand: onDemandByPayer.get(key(f.payerRef, f.month)) ?? D(0) }
      : null;
    const potential = commitmentPotential(f.remainingOnDemand, recommendation, hoursIn(f.month, from, to));
    f.potentialCommitments = potential.value;
    f.basis.potentialCommitments.add(potential.basis);
  }
  return { figures, payerMonths: ce.payerMonths, prices, recommendations: recs };
}
