import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { isIncluded } from "~/server/maturity/load/sql";
import { comparison, findChange } from "./computations";
import { loadEvents } from "./events";
import { resolveScope, type Scope } from "./scope";
import type { Comparison, IncidentFilters } from "./types";

// Did it pay off? The same window before and after one change. The change's time is read from its
// id (or its maturity snapshot, or its account's first experiment) so only the two windows are
// loaded; the id is then resolved against those events, and one that does not resolve is NOT_FOUND.

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;

async function changeTime(scope: Scope, changeId: string): Promise<Date | null> {
  const canary = /^canary:.+:(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(changeId);
  if (canary) return new Date(canary[1]!);
  const maturity = /^maturity:([^:]+):/.exec(changeId);
  if (maturity) {
    const snapshot = await db.maturitySnapshot.findFirst({
      where: { id: maturity[1]!, workspaceId: scope.workspaceId },
      select: { evaluatedAt: true },
    });
    return snapshot?.evaluatedAt ?? null;
  }
  const chaos = /^first-chaos:(\d{12}):(.*)$/.exec(changeId);
  if (chaos) {
    const service = chaos[2] && chaos[2] !== "*" ? chaos[2] : null;
    const [first] = await db.$queryRaw<{ at: Date | null }[]>`
      SELECT MIN(r."startTime") AS at FROM "FisExperiment" r JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
       WHERE ${isIncluded("a", scope.workspaceId)} AND a."accountId" = ${chaos[1]!}
         ${service ? Prisma.sql`AND COALESCE(r.tags->>'service', r.tags->>'Service', r.tags->>'team') = ${service}` : Prisma.empty}`;
    return first?.at ?? null;
  }
  return null;
}

export async function compareChange(opts: {
  workspaceId: string;
  changeId: string;
  windowDays?: number;
  failureWindowHours?: number;
  filters?: IncidentFilters;
  now?: Date;
}): Promise<Comparison> {
  const now = opts.now ?? new Date();
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const scope = await resolveScope(
    opts.workspaceId,
    { ...opts.filters, failureWindowHours: opts.failureWindowHours ?? opts.filters?.failureWindowHours },
    now,
  );
  const at = await changeTime(scope, opts.changeId);
  // Canary arrival is recognised from the deployments before it: load a window more before.
  const from = at ? new Date(at.getTime() - 2 * windowDays * DAY_MS) : scope.from;
  const to = at ? new Date(Math.min(at.getTime() + windowDays * DAY_MS, now.getTime()) + 1) : scope.to;
  const events = await loadEvents(scope, from, to);
  const change = findChange(opts.changeId, events);
  if (!change) throw notFound("That change");
  return comparison(change, events, { windowDays, asOf: now < to ? now : to });
}
