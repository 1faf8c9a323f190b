import type { FisExperimentEvidence, FisTemplateEvidence, MaturityEvidence } from "../evidence";
import { stopConditions, stringRecord } from "./json";
import { accountRows, type AccountBatch, type Limit } from "./sql";

// Every experiment is read, however old: an experiment whose finding is still open counts
// against the account for as long as it stays open (FIS itself keeps about 120 days).
export async function loadChaos(
  workspaceId: string,
  limit: Limit,
  only?: AccountBatch,
): Promise<Pick<MaturityEvidence, "fisTemplates" | "fisExperiments">> {
  const [templates, experiments] = await Promise.all([
    limit(() =>
      accountRows<{ region: string; templateId: string; hasStopConditions: boolean; stopConditions: unknown }>(
        { workspaceId, only },
        "FisTemplate",
        `r.region, r."templateId", r."hasStopConditions", r."stopConditions"`,
      ),
    ),
    limit(() =>
      accountRows<Omit<FisExperimentEvidence, "id" | "accountId" | "observedAt" | "tags"> & { tags: unknown }>(
        { workspaceId, only },
        "FisExperiment",
        `r.region, r."experimentId", r."templateId", r.status, r."startTime", r."endTime", r.tags`,
      ),
    ),
  ]);
  return {
    fisTemplates: templates.map((t): FisTemplateEvidence => ({ ...t, stopConditions: stopConditions(t.stopConditions) })),
    fisExperiments: experiments.map((e) => ({ ...e, tags: stringRecord(e.tags) })),
  };
}
