import type { MaturityEvidence } from "../evidence";
import { loadChaos } from "./chaos";
import { loadCost } from "./cost";
import { loadDelivery } from "./delivery";
import { loadOrganization } from "./organization";
import { loadScans } from "./scans";
import { queryLimiter, type AccountBatch, type Limit } from "./sql";
import { loadSourceSyncs } from "./sync-tasks";
import { loadTracing } from "./tracing";
import { loadUploads } from "./uploads";

// Four queries at a time: enough to overlap the slow ones (cost, images) without taking the
// small connection pool from the requests and sync tasks that share it.
const CONCURRENT_QUERIES = 4;

/** The evidence a batch of accounts brings: the per-account rows the rules read by account. */
export type AccountEvidenceKey =
  | "ecrRepositories"
  | "ecrRegistryScanning"
  | "ecrImages"
  | "ecrFindings"
  | "inspectorFindings"
  | "fisTemplates"
  | "fisExperiments"
  | "alarms"
  | "incidents"
  | "deploymentGroups"
  | "deployments"
  | "samplingRules"
  | "eksClusters"
  | "eksAddons";

/**
 * Everything the sync and CI uploads put in the database, as the evaluator's evidence for one
 * workspace: only the columns the rules read, aggregated in SQL where the rules need sums, each
 * record carrying its row id and when a sync (or upload) last confirmed it. Rows come in a fixed
 * order (by id), so unchanged data loads the same and stored results do not change by chance.
 * People's claims, attestations and waivers, are loaded elsewhere and merged in.
 */
export async function loadSyncedEvidence(workspaceId: string, now: Date): Promise<MaturityEvidence> {
  const limit = queryLimiter(CONCURRENT_QUERIES);
  const [shared, perAccount] = await Promise.all([
    loadSharedEvidence(workspaceId, now, limit),
    loadAccountEvidence(workspaceId, now, undefined, limit),
  ]);
  return { ...shared, ...perAccount };
}

/**
 * The part of the evidence that does not grow with each account's resources: the organisation,
 * the accounts and their syncs, cost figures (a few per account, summed in SQL) and uploads.
 */
export async function loadSharedEvidence(
  workspaceId: string,
  now: Date,
  limit: Limit = queryLimiter(CONCURRENT_QUERIES),
): Promise<Omit<MaturityEvidence, AccountEvidenceKey>> {
  const [organization, sourceSyncs, cost, uploads] = await Promise.all([
    loadOrganization(workspaceId, limit),
    limit(() => loadSourceSyncs(workspaceId)),
    loadCost(workspaceId, now, limit),
    loadUploads(workspaceId, now, limit),
  ]);
  return { ...organization, sourceSyncs, ...cost, uploads, attestations: [], waivers: [] };
}

/** The per-account rows of the accounts in `only` (AWS account numbers), or of all of them. */
export async function loadAccountEvidence(
  workspaceId: string,
  now: Date,
  only: AccountBatch,
  limit: Limit = queryLimiter(CONCURRENT_QUERIES),
): Promise<Pick<MaturityEvidence, AccountEvidenceKey>> {
  const [scans, chaos, delivery, tracing] = await Promise.all([
    loadScans(workspaceId, limit, only),
    loadChaos(workspaceId, limit, only),
    loadDelivery(workspaceId, now, limit, only),
    loadTracing(workspaceId, limit, only),
  ]);
  return { ...scans, ...chaos, ...delivery, ...tracing };
}
