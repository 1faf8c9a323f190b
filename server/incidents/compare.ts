import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { isIncluded } from "~/server/maturity/load/sql";
import { comparison, findChange } from "./computations";
import type { Events } from "./computations";
import { deploymentsRelation } from "./load/deployment-sql";
import { loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { loadIncidents } from "./load/incidents";
import { loadMaturityChanges } from "./load/maturity";
import { DEFAULT_FAILURE_WINDOW_HOURS, needsWholeDirectory, resolveScope, scopeFrom, type Scope } from "./scope";
import type { Comparison, IncidentFilters } from "./types";

// Did it pay off? The same window before and after one change. The change's time is read from its
// id (or its maturity snapshot, or its account's first experiment) so only the two windows are
// loaded; the id is then resolved against those events, and one that does not resolve is NOT_FOUND.

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;

interface ChangePlace {
  at: Date;
  /** The account and service the change's comparison reads, when the id tells. */
  accountId?: string;
  service?: string;
}

/** The workspace without filters or directory: what a change's place is looked up in. */
const workspaceOnly = (workspaceId: string): Scope => ({
  workspaceId,
  filters: { from: "", to: "", bucket: "month", failureWindowHours: DEFAULT_FAILURE_WINDOW_HOURS },
  from: new Date(0),
  to: new Date(0),
  accountIds: null,
  directory: { accounts: new Map(), ous: [] },
  isProduction: () => false,
});

/**
 * The accounts that have a CodeDeploy group of that name (a small table) with the group's service
 * (its alarms' "service" tag, else the application's name, as deploymentsRelation names it). A CI
 * group ("service/environment") has none.
 */
function groupOwners(workspaceId: string, group: string) {
  return db.$queryRaw<{ accountId: string; service: string }[]>`
    SELECT DISTINCT a."accountId", COALESCE(gs.service, g."applicationName") AS service
      FROM "DeploymentGroup" g
      JOIN "AwsAccount" a ON a.id = g."awsAccountRef"
      LEFT JOIN LATERAL (SELECT MIN(al.tags->>'service') AS service FROM "CloudWatchAlarm" al
                          WHERE al."awsAccountRef" = g."awsAccountRef" AND al.name = ANY(g.alarms)
                            AND al.tags->>'service' IS NOT NULL) gs ON true
     WHERE ${isIncluded("a", workspaceId)} AND g."applicationName" || '/' || g."groupName" = ${group}`;
}

async function changePlace(scope: Scope, changeId: string): Promise<ChangePlace | null> {
  const canary = /^canary:(.+):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(changeId);
  if (canary) {
    const at = new Date(canary[2]!);
    const owners = await groupOwners(scope.workspaceId, canary[1]!);
    // One account has the group: the place is its account and service, no deployment read.
    if (owners.length === 1) return { at, ...owners[0]! };
    // A CI group, or a group name in several accounts: the deployment at that instant tells.
    const narrowed = owners.length ? { ...scope, accountIds: owners.map((o) => o.accountId) } : scope;
    const [first] = await db.$queryRaw<{ accountId: string | null; service: string }[]>`
      SELECT d."accountId", d.service FROM ${deploymentsRelation(narrowed, { from: at, to: new Date(at.getTime() + 1) })} d
       WHERE d."group" = ${canary[1]!} LIMIT 1`;
    return first ? { at, accountId: first.accountId ?? undefined, service: first.service } : null;
  }
  const maturity = /^maturity:([^:]+):(\d{12}):/.exec(changeId);
  if (maturity) {
    const snapshot = await db.maturitySnapshot.findFirst({
      where: { id: maturity[1]!, workspaceId: scope.workspaceId },
      select: { evaluatedAt: true },
    });
    return snapshot ? { at: snapshot.evaluatedAt, accountId: maturity[2]! } : null;
  }
  const chaos = /^first-chaos:(\d{12}):(.*)$/.exec(changeId);
  if (chaos) {
    const service = chaos[2] && chaos[2] !== "*" ? chaos[2] : null;
    const [first] = await db.$queryRaw<{ at: Date | null }[]>`
      SELECT MIN(r."startTime") AS at FROM "FisExperiment" r JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
       WHERE ${isIncluded("a", scope.workspaceId)} AND a."accountId" = ${chaos[1]!}
         ${service ? Prisma.sql`AND COALESCE(r.tags->>'service', r.tags->>'Service', r.tags->>'team') = ${service}` : Prisma.empty}`;
    return first?.at ? { at: first.at, accountId: chaos[1]!, service: service ?? undefined } : null;
  }
  return null;
}

/**
 * The events of [from, to) a comparison reads: deployments and incidents always (the windows'
 * counts, the earliest event), FIS experiments only for a first-chaos change and maturity changes
 * only for a maturity one (what resolves the id), so a canary's comparison reads two tables.
 */
async function changeEvents(scope: Scope, changeId: string, from: Date, to: Date): Promise<Events> {
  const [incidents, deployments, experiments, maturity] = await Promise.all([
    loadIncidents(scope, from, to, true),
    loadDeployments(scope, { from, to }),
    changeId.startsWith("first-chaos:") ? loadExperiments(scope, { from, to }) : [],
    changeId.startsWith("maturity:") ? loadMaturityChanges(scope, from, to) : [],
  ]);
  return { incidents: incidents.incidents.map((i) => i.event), deployments, experiments, maturity };
}

/** Events read without a directory take their account's environment when they have none, as the loaders give it. */
function withAccountEnvironments(events: Events, scope: Scope): Events {
  const fill = <E extends { accountId: string | null; environment: string | null }>(e: E): E =>
    e.environment === null && e.accountId !== null
      ? { ...e, environment: scope.directory.accounts.get(e.accountId)?.environment ?? null }
      : e;
  return { ...events, incidents: events.incidents.map(fill), deployments: events.deployments.map(fill) };
}

/** The scope narrowed to the change's account and service: the comparison reads nothing else. */
function narrowed(scope: Scope, place: ChangePlace | null): Scope {
  if (!place?.accountId) return scope;
  const keep = !scope.accountIds || scope.accountIds.includes(place.accountId);
  return {
    ...scope,
    accountIds: keep ? [place.accountId] : [],
    filters: { ...scope.filters, accountId: place.accountId, service: place.service ?? scope.filters.service },
  };
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
  const filters = { ...opts.filters, failureWindowHours: opts.failureWindowHours ?? opts.filters?.failureWindowHours };
  // The change's place is read across the workspace; the filters apply to what the comparison reads
  // (`narrowed`). Its account's directory entry (environments, for "production") loads beside its
  // events when no OU or environment filter needs the directory to narrow them.
  const place = await changePlace(workspaceOnly(opts.workspaceId), opts.changeId);
  const skeleton = scopeFrom(opts.workspaceId, filters, now, { accounts: new Map(), ous: [] });
  const at = place?.at;
  // Canary arrival is recognised from the deployments before it: load a window more before.
  const from = at ? new Date(at.getTime() - 2 * windowDays * DAY_MS) : skeleton.from;
  const to = at ? new Date(Math.min(at.getTime() + windowDays * DAY_MS, now.getTime()) + 1) : skeleton.to;
  let scope: Scope;
  let events: Events;
  if (place?.accountId && !needsWholeDirectory(filters)) {
    let loaded: Events;
    [scope, loaded] = await Promise.all([
      resolveScope(opts.workspaceId, filters, now, place.accountId),
      changeEvents(narrowed(skeleton, place), opts.changeId, from, to),
    ]);
    events = withAccountEnvironments(loaded, scope);
  } else {
    scope = await resolveScope(opts.workspaceId, filters, now, place?.accountId);
    events = await changeEvents(narrowed(scope, place), opts.changeId, from, to);
  }
  const asOf = now < to ? now : to;
  const change = findChange(opts.changeId, events, { isProduction: scope.isProduction, asOf });
  if (!change) throw notFound("That change");
  return comparison(change, events, {
    windowDays,
    asOf,
    isProduction: scope.isProduction,
    failureWindowHours: scope.filters.failureWindowHours,
  });
}
