import { db } from "~/server/db";
import type { Decimal } from "../formulas/decimal";

// Commitment tables read by payer: coverage per month (CommitmentDaily, organisation totals),
// the reservations and Savings Plans held (Commitment) and CE's purchase recommendations.

export function coverageByMonth(payerRefs: string[], from: Date, to: Date) {
  if (!payerRefs.length) return Promise.resolve([]);
  return db.$queryRaw<
    {
      month: string;
      kind: string;
      hours: Decimal | null;
      unusedHours: Decimal | null;
      used: Decimal | null;
      commitment: Decimal | null;
    }[]
  >`
    SELECT to_char(r.day, 'YYYY-MM') AS month, r.kind, sum(r.hours) AS hours, sum(r."unusedHours") AS "unusedHours",
           sum(r.used) AS used, sum(r.commitment) AS commitment
      FROM "CommitmentDaily" r
     WHERE r."awsAccountRef" = ANY(${payerRefs}) AND r."accountId" = '*' AND r.kind IN ('ri_coverage', 'sp_coverage')
       AND r.day >= ${from}::date AND r.day < ${to}::date
     GROUP BY 1, 2`;
}

export function heldCommitments(payerRefs: string[]) {
  if (!payerRefs.length) return Promise.resolve([]);
  return db.commitment.findMany({
    where: { awsAccountRef: { in: payerRefs } },
    select: {
      kind: true,
      commitmentId: true,
      offering: true,
      instanceCount: true,
      hourlyCommitment: true,
      region: true,
      startsAt: true,
      endsAt: true,
    },
    orderBy: [{ endsAt: "asc" }, { commitmentId: "asc" }],
  });
}

export function storedRecommendations(payerRefs: string[]) {
  if (!payerRefs.length) return Promise.resolve([]);
  return db.savingsPlanRecommendation.findMany({
    where: { awsAccountRef: { in: payerRefs } },
    orderBy: [{ savingsPlansType: "asc" }, { termInYears: "asc" }, { paymentOption: "asc" }, { lookbackDays: "asc" }],
  });
}
