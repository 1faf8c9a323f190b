import { Prisma } from "~/generated/prisma/client";
import type {
  EcrFindingEvidence,
  EcrImageEvidence,
  EcrRegistryScanningEvidence,
  EcrRepositoryEvidence,
  InspectorFindingEvidence,
  MaturityEvidence,
} from "../evidence";
import { registryRules } from "./json";
import { accountRows, type AccountBatch, type Limit } from "./sql";

type ScanEvidence = Pick<
  MaturityEvidence,
  "ecrRepositories" | "ecrRegistryScanning" | "ecrImages" | "ecrFindings" | "inspectorFindings"
>;

// The supply-chain rules judge critical findings only; registries hold thousands of medium and
// low ones per account, so only the critical ones are read (and from Inspector, the open ones).
const CRITICAL = Prisma.sql`AND upper(r.severity) = 'CRITICAL'`;

export async function loadScans(workspaceId: string, limit: Limit, only?: AccountBatch): Promise<ScanEvidence> {
  const [ecrRepositories, registries, ecrImages, ecrFindings, inspectorFindings] = await Promise.all([
    limit(() =>
      accountRows<Omit<EcrRepositoryEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "EcrRepository",
        `r.region, r.name, r."scanOnPush"`,
      ),
    ),
    limit(() =>
      accountRows<{ region: string; scanType: string; rules: unknown }>(
        { workspaceId, only },
        "EcrRegistryScanning",
        `r.region, r."scanType", r.rules`,
      ),
    ),
    limit(() =>
      accountRows<Omit<EcrImageEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "EcrImage",
        `r.region, r."repositoryName", r.digest, r.tags, r."pushedAt", r."lastPulledAt", r."scanStatus"`,
      ),
    ),
    limit(() =>
      accountRows<Omit<EcrFindingEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "EcrFinding",
        `r.region, r."repositoryName", r."imageDigest", r.name, r.severity, r."firstObservedAt"`,
        CRITICAL,
      ),
    ),
    // The finding's own account (a delegated administrator lists its members' findings), not the
    // account whose credentials listed it.
    limit(() =>
      accountRows<Omit<InspectorFindingEvidence, "id" | "observedAt" | "accountId"> & { findingAccountId: string }>(
        { workspaceId, only },
        "InspectorFinding",
        `r."accountId" AS "findingAccountId", r.severity, r.status, r."resourceType", r."resourceId", r."vulnerabilityId",
         r."firstObservedAt"`,
        Prisma.sql`${CRITICAL} AND upper(r.status) = 'ACTIVE'`,
        `r."accountId"`,
      ),
    ),
  ]);
  return {
    ecrRepositories,
    ecrRegistryScanning: registries.map((r): EcrRegistryScanningEvidence => ({ ...r, rules: registryRules(r.rules) })),
    ecrImages,
    ecrFindings,
    inspectorFindings: inspectorFindings.map(({ findingAccountId, ...f }) => ({ ...f, accountId: findingAccountId })),
  };
}
