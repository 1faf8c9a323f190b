import type { MaturityEvidence } from "../evidence";
import { loadChaos } from "./chaos";
import { loadCost } from "./cost";
import { loadDelivery } from "./delivery";
import { loadOrganization } from "./organization";
import { loadScans } from "./scans";
import { queryLimiter } from "./sql";
import { loadSourceSyncs } from "./sync-tasks";
import { loadTracing } from "./tracing";
import { loadUploads } from "./uploads";

// Four queries at a time: enough to overlap the slow ones (cost, images) without taking the
// small connection pool from the requests and sync tasks that share it.
const CONCURRENT_QUERIES = 4;

/**
 * Everything the sync and CI uploads put in the database, as the evaluator's evidence for one
 * workspace: only the columns the rules read, aggregated in SQL where the rules need sums, each
 * record carrying its row id and when a sync (or upload) last confirmed it. Rows come in a fixed
 * order (by id), so unchanged data loads the same and stored results do not change by chance.
 * People's claims, attestations and waivers, are loaded elsewhere and merged in.
 */
export async function loadSyncedEvidence(workspaceId: string, now: Date): Promise<MaturityEvidence> {
  const limit = queryLimiter(CONCURRENT_QUERIES);
  const [organization, sourceSyncs, cost, scans, chaos, delivery, tracing, uploads] = await Promise.all([
    loadOrganization(workspaceId, limit),
    limit(() => loadSourceSyncs(workspaceId)),
    loadCost(workspaceId, now, limit),
    loadScans(workspaceId, limit),
    loadChaos(workspaceId, limit),
    loadDelivery(workspaceId, now, limit),
    loadTracing(workspaceId, limit),
    loadUploads(workspaceId, now, limit),
  ]);
  return {
    ...organization,
    sourceSyncs,
    ...cost,
    ...scans,
    ...chaos,
    ...delivery,
    ...tracing,
    uploads,
    attestations: [],
    waivers: [],
  };
}
