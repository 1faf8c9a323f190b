import { db } from "~/server/db";

// One definition of "an evaluation", shared by the trend and the changes panel so the two never
// disagree: every stored snapshot is one evaluation, whatever triggered it (a sync, the daily
// run, an attestation, a waiver, a person pressing Evaluate). Days are UTC days.

export interface EvaluationRef {
  id: string;
  evaluatedAt: Date;
}

const select = { id: true, evaluatedAt: true } as const;

/**
 * Every evaluation at or after `from`, oldest first; up to `until` when given (the newest one the
 * page shows, so one stored while the page is read is not counted without being shown).
 */
export async function evaluationsFrom(workspaceId: string, from: Date, until?: Date): Promise<EvaluationRef[]> {
  return db.maturitySnapshot.findMany({
    where: { workspaceId, evaluatedAt: { gte: from, ...(until ? { lte: until } : {}) } },
    orderBy: [{ evaluatedAt: "asc" }, { id: "asc" }],
    select,
  });
}

/** The newest evaluation strictly before `before`: the one in force when that instant began. */
export async function lastEvaluationBefore(workspaceId: string, before: Date): Promise<EvaluationRef | null> {
  return db.maturitySnapshot.findFirst({
    where: { workspaceId, evaluatedAt: { lt: before } },
    orderBy: [{ evaluatedAt: "desc" }, { id: "desc" }],
    select,
  });
}

/** The calendar day of an instant in UTC, as YYYY-MM-DD. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The first instant of a UTC calendar day given as YYYY-MM-DD. */
export function startOfUtcDay(day: string): Date {
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || utcDay(start) !== day) throw new RangeError(`"${day}" is not a calendar day.`);
  return start;
}

/** The evaluations grouped by UTC day, oldest first: the last one of the day and how many ran. */
export function byUtcDay(evaluations: readonly EvaluationRef[]): Array<{ day: string; last: EvaluationRef; count: number }> {
  const days = new Map<string, { day: string; last: EvaluationRef; count: number }>();
  for (const evaluation of evaluations) {
    const day = utcDay(evaluation.evaluatedAt);
    const seen = days.get(day);
    if (seen) {
      seen.count += 1;
      if (evaluation.evaluatedAt >= seen.last.evaluatedAt) seen.last = evaluation;
    } else days.set(day, { day, last: evaluation, count: 1 });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
