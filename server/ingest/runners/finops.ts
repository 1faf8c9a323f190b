import { Prisma } from "~/generated/prisma/client";
import {
  type CommitmentHeld,
  computeSavingsPlanRecommendation,
  reservationsHeld,
  savingsPlansHeld,
} from "~/server/aws/sources/commitments-held";
import { formatDay } from "~/server/aws/sources/cost-window";
import { classifyAwsError } from "~/server/aws/errors";
import { refreshInstancePrices } from "~/server/finops/prices/refresh";
import { addCounts, type SourceContext, type SourceResult } from "../sources";
import { deleteUnseen, upsertRows } from "../upsert";

// What the FinOps page needs besides daily cost, read in the cost source after its series:
// the commitments the payer holds, Cost Explorer's Savings Plans recommendation and list prices.
// Each is optional: a role without its permission (an older template) leaves a permission gap
// on the run and the rest of the cost source stands.

const DAY_MS = 86_400_000;
// Commitments seen in the last 30 days: one page however long the sync window.
const HELD_LOOKBACK_DAYS = 30;
const HOURS_PER_MONTH = 730;

/** Runs `read`; an AccessDenied is recorded on the result instead of failing the source. */
export async function unlessDenied(result: SourceResult, action: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    const failure = classifyAwsError(error);
    if (failure.kind !== "access-denied") throw error;
    (result.deniedActions ??= []).push(failure.action ?? action);
  }
}

/** USD per hour the commitment costs whether used or not (the whole subscription for a reservation). */
function hourlyCommitment(c: CommitmentHeld): Prisma.Decimal | null {
  if (c.kind === "ri") {
    // CE gives the period's amortized fee and purchased instance-hours: their ratio is the fee
    // of one instance-hour, times the subscription's instances.
    if (c.amortizedFee === null || c.purchasedHours === null || c.instanceCount === null) return null;
    const hours = new Prisma.Decimal(c.purchasedHours);
    if (hours.isZero()) return null;
    return new Prisma.Decimal(c.amortizedFee).div(hours).times(c.instanceCount).toDecimalPlaces(6);
  }
  if (c.recurringHourlyFee === null) return null;
  const recurring = new Prisma.Decimal(c.recurringHourlyFee);
  const upfront = new Prisma.Decimal(c.upfrontFee ?? "0");
  if (upfront.isZero()) return recurring;
  if (!c.startsAt || !c.endsAt) return null;
  // An upfront payment buys the same commitment per hour of the term as the recurring fee would.
  const termHours = new Prisma.Decimal(c.endsAt.getTime() - c.startsAt.getTime()).div(3_600_000);
  return termHours.isZero() ? null : recurring.plus(upfront.div(termHours)).toDecimalPlaces(6);
}

async function storeCommitments(ctx: SourceContext, result: SourceResult, kind: "ri" | "sp", held: CommitmentHeld[]) {
  const payer = { awsAccountRef: ctx.account.ref };
  const current = held.filter((c) => !c.endsAt || c.endsAt.getTime() > ctx.now.getTime());
  const rows = current.map((c) => ({
    ...payer,
    kind,
    commitmentId: c.commitmentId,
    offering: c.offering,
    instanceCount: c.instanceCount,
    hourlyCommitment: hourlyCommitment(c)?.toString() ?? null,
    region: c.region,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
  }));
  addCounts(result, await upsertRows("Commitment", ["awsAccountRef", "kind", "commitmentId"], rows, ctx.runId));
  // The fetch of this kind completed: what it no longer lists has ended.
  result.deleted += await deleteUnseen("Commitment", { ...payer, kind }, ctx.runId);
}

export async function syncCommitmentsHeld(ctx: SourceContext, result: SourceResult): Promise<void> {
  const today = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate()));
  const window = { start: formatDay(new Date(today.getTime() - HELD_LOOKBACK_DAYS * DAY_MS)), end: formatDay(today) };
  await unlessDenied(result, "ce:GetReservationUtilization", async () =>
    storeCommitments(ctx, result, "ri", await reservationsHeld(ctx.fetch, window)),
  );
  await unlessDenied(result, "ce:GetSavingsPlansUtilizationDetails", async () =>
    storeCommitments(ctx, result, "sp", await savingsPlansHeld(ctx.fetch, window)),
  );
}

export async function syncSavingsPlanRecommendation(ctx: SourceContext, result: SourceResult): Promise<void> {
  await unlessDenied(result, "ce:GetSavingsPlansPurchaseRecommendation", async () => {
    const r = await computeSavingsPlanRecommendation(ctx.fetch);
    const monthlyOnDemand =
      r.currentOnDemandSpend === null
        ? null
        : new Prisma.Decimal(r.currentOnDemandSpend)
            .times(HOURS_PER_MONTH)
            .div(r.lookbackDays * 24)
            .toDecimalPlaces(6)
            .toString();
    const payer = { awsAccountRef: ctx.account.ref };
    const row = {
      ...payer,
      savingsPlansType: r.savingsPlansType,
      termInYears: r.termInYears,
      paymentOption: r.paymentOption,
      lookbackDays: r.lookbackDays,
      hourlyCommitment: r.hourlyCommitment,
      estimatedMonthlySavings: r.estimatedMonthlySavings,
      estimatedSavingsPercentage: r.estimatedSavingsPercentage,
      estimatedMonthlyOnDemand: monthlyOnDemand,
      currency: r.currency,
      generatedAt: r.generatedAt?.toISOString() ?? null,
    };
    const key = ["awsAccountRef", "savingsPlansType", "termInYears", "paymentOption", "lookbackDays"];
    addCounts(result, await upsertRows("SavingsPlanRecommendation", key, [row], ctx.runId));
    result.deleted += await deleteUnseen("SavingsPlanRecommendation", payer, ctx.runId);
  });
}

export async function syncListPrices(ctx: SourceContext, result: SourceResult): Promise<void> {
  await unlessDenied(result, "pricing:GetProducts", async () => {
    await refreshInstancePrices({ workspaceId: ctx.account.workspaceId, fetch: ctx.fetch, now: ctx.now });
  });
}
