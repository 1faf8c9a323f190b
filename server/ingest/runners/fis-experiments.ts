import type { Prisma } from "~/generated/prisma/client";
import type { FisExperimentListing } from "~/server/aws/sources/fis";
import { regionOf } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import type { SourceContext } from "../sources";
import type { Row } from "../upsert";

// An FIS experiment that has ended does not change; ListExperiments has no time filter, so every
// sync lists them all, but GetExperiment (its times and actions) is called only for experiments
// that are new, still running, or whose listing differs from the stored row.

const ENDED = new Set(["completed", "stopped", "failed", "cancelled"]);

// jsonb keeps keys in its own order.
const sameTags = (a: unknown, b: Record<string, string>) =>
  JSON.stringify(Object.entries((a ?? {}) as Record<string, string>).sort()) === JSON.stringify(Object.entries(b).sort());

export interface StoredExperiments {
  known(listing: FisExperimentListing): boolean;
  // The row a full read would write for a listing `known` accepted.
  rowOf(listing: FisExperimentListing): Row;
}

export async function storedExperiments(ctx: SourceContext): Promise<StoredExperiments> {
  const rows = await db.fisExperiment.findMany({
    where: { awsAccountRef: ctx.account.ref, region: regionOf(ctx.fetch) },
    select: {
      experimentId: true,
      templateId: true,
      status: true,
      reason: true,
      startTime: true,
      endTime: true,
      actions: true,
      tags: true,
    },
  });
  const byId = new Map(rows.map((r) => [r.experimentId, r]));
  return {
    known(listing) {
      const stored = byId.get(listing.id);
      return (
        !!stored &&
        ENDED.has(listing.status) &&
        stored.status === listing.status &&
        stored.reason === listing.reason &&
        stored.templateId === (listing.templateId ?? "") &&
        sameTags(stored.tags, listing.tags)
      );
    },
    rowOf(listing) {
      const stored = byId.get(listing.id)!;
      return {
        experimentId: listing.id,
        templateId: listing.templateId ?? "",
        status: listing.status,
        reason: listing.reason,
        startTime: stored.startTime?.toISOString() ?? null,
        endTime: stored.endTime?.toISOString() ?? null,
        actions: stored.actions as Prisma.InputJsonValue,
        tags: listing.tags,
      };
    },
  };
}
