import { costWindow } from "~/server/aws/sources/cost-window";
import { IMPACT_LABELS, incidentManagerRecords } from "~/server/aws/sources/incident-manager";
import { addCounts, type SourceContext, type SourceResult } from "../sources";
import { deleteUnseen, upsertRows } from "../upsert";

const DAY_MS = 86_400_000;

/**
 * Incident Manager records created in the same window the cost source first reads (this month and
 * the twelve before), as Incident rows of source "incident-manager". Rows of that window that
 * Incident Manager no longer lists are removed, only once every page has been read.
 */
export async function syncIncidentManager(ctx: SourceContext, result: SourceResult, environment: string | null) {
  const window = costWindow({ now: ctx.now });
  const since = new Date(`${window.start}T00:00:00Z`);
  for await (const page of incidentManagerRecords(ctx.fetch, { since })) {
    addCounts(
      result,
      await upsertRows(
        "Incident",
        ["workspaceId", "source", "externalKey"],
        page.map((r) => ({
          workspaceId: ctx.account.workspaceId,
          awsAccountRef: ctx.account.ref,
          source: "incident-manager",
          externalKey: r.arn,
          title: r.title,
          accountId: r.accountId,
          service: r.service,
          environment,
          severity: r.impact === null ? null : (IMPACT_LABELS[r.impact] ?? String(r.impact)),
          severityRank: r.impact !== null && r.impact >= 1 && r.impact <= 5 ? r.impact : null,
          startedAt: r.startedAt.toISOString(),
          acknowledgedAt: null,
          resolvedAt: r.resolvedAt?.toISOString() ?? null,
          durationSeconds: r.resolvedAt ? Math.round((r.resolvedAt.getTime() - r.startedAt.getTime()) / 1000) : null,
          alarmArn: r.alarmArn,
          url: r.url,
          timeline: r.timeline.map((t) => ({ at: t.at.toISOString(), type: t.type, text: t.text })),
        })),
        ctx.runId,
      ),
    );
  }
  const tomorrow = new Date(ctx.now.getTime() + DAY_MS).toISOString().slice(0, 10);
  result.deleted += await deleteUnseen("Incident", { awsAccountRef: ctx.account.ref, source: "incident-manager" }, ctx.runId, {
    column: "startedAt",
    from: window.start,
    to: tomorrow,
  });
}
