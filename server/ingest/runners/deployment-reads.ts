import { regionOf } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import type { SourceContext } from "../sources";

// Which CodeDeploy deployments a sync reads. A finished deployment does not change, so after a
// complete read of an account and region the next syncs list only the deployments created since
// the last read (less a day's margin, for deployments created while that read was listing), and
// read again by id the stored ones that had not finished. Deleted applications take their
// deployments with them and an incremental read cannot see that, so every account and region is
// read completely once a week (and on its first sync).

const DAY_MS = 86_400_000;
export const FULL_READ_EVERY_DAYS = 7;
const MARGIN_MS = DAY_MS;
const FINISHED = ["Succeeded", "Failed", "Stopped"];

export type DeploymentReads =
  | { kind: "full" }
  // Created on or after `since` (a day's start), and the unfinished ones stored from before it.
  | { kind: "since"; since: Date; unfinished: string[] };

export async function deploymentReads(ctx: SourceContext): Promise<DeploymentReads> {
  const region = regionOf(ctx.fetch);
  // When the runs that last read this account and region started: completely, and at all.
  const [marks] = await db.$queryRaw<{ full: Date | null; last: Date | null }[]>`
    SELECT max(s."startedAt") FILTER (WHERE f."fromDay" = '-infinity'::date AND f."toDay" = 'infinity'::date) AS full,
           max(s."startedAt") AS last
      FROM "ScopeFetch" f JOIN "SyncRun" s ON s.id = f."runId"
     WHERE f."tableName" = 'Deployment' AND f."ownerRef" = ${ctx.account.ref} AND f.detail = ${region}`;
  const now = ctx.now.getTime();
  if (!marks?.full || !marks.last || now - marks.full.getTime() >= FULL_READ_EVERY_DAYS * DAY_MS) return { kind: "full" };
  const since = new Date(Math.floor((marks.last.getTime() - MARGIN_MS) / DAY_MS) * DAY_MS);
  const unfinished = await db.deployment.findMany({
    where: {
      awsAccountRef: ctx.account.ref,
      region,
      status: { notIn: FINISHED },
      OR: [{ createdAtAws: { lt: since } }, { createdAtAws: null }],
    },
    select: { deploymentId: true },
    orderBy: { deploymentId: "asc" },
  });
  return { kind: "since", since, unfinished: unfinished.map((d) => d.deploymentId) };
}
