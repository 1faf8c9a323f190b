import {
  type FisClient,
  GetExperimentCommand,
  GetExperimentTemplateCommand,
  paginateListExperiments,
  paginateListExperimentTemplates,
} from "@aws-sdk/client-fis";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { type AccountScope, checkAborted, clientFor, type FetchContext, scopeOf } from "./types";

export interface StopCondition {
  source: string;
  value: string | null;
}

/** Natural key: (accountId, region, id). targets and actions are kept as the API's JSON. */
export interface FisTemplateRecord extends AccountScope {
  id: string;
  arn: string;
  description: string;
  targets: Record<string, unknown>;
  actions: Record<string, unknown>;
  stopConditions: StopCondition[];
  /** False when the list is empty or holds only { source: "none" }: nothing can halt the experiment. */
  hasStopConditions: boolean;
  roleArn: string | null;
  tags: Record<string, string>;
  creationTime: Date | null;
  lastUpdateTime: Date | null;
}

/** Natural key: (accountId, region, id). */
export interface FisExperimentRecord extends AccountScope {
  id: string;
  arn: string;
  templateId: string | null;
  status: string;
  reason: string | null;
  startTime: Date | null;
  endTime: Date | null;
  creationTime: Date | null;
  actions: Record<string, unknown>;
  stopConditions: StopCondition[];
  tags: Record<string, string>;
}

export function hasStopConditions(conditions: readonly StopCondition[]): boolean {
  return conditions.some((c) => c.source !== "none");
}

const stopConditionsOf = (list: Array<{ source?: string; value?: string }> | undefined): StopCondition[] =>
  (list ?? []).map((c) => ({ source: c.source ?? "none", value: c.value ?? null }));

// The installed FIS client predates the arn field, so its deserializer drops it; the ARN
// format is fixed, so it is rebuilt from the id.
const arnOf = (scope: AccountScope, kind: "experiment-template" | "experiment", id: string, given?: unknown): string =>
  typeof given === "string" && given ? given : `arn:aws:fis:${scope.region}:${scope.accountId}:${kind}/${id}`;

async function getTemplate(client: FisClient, scope: AccountScope, id: string): Promise<FisTemplateRecord> {
  const { experimentTemplate: t } = await client.send(new GetExperimentTemplateCommand({ id }));
  const stopConditions = stopConditionsOf(t?.stopConditions);
  return {
    ...scope,
    id,
    arn: arnOf(scope, "experiment-template", id, (t as { arn?: unknown } | undefined)?.arn),
    description: t?.description ?? "",
    targets: { ...(t?.targets ?? {}) },
    actions: { ...(t?.actions ?? {}) },
    stopConditions,
    hasStopConditions: hasStopConditions(stopConditions),
    roleArn: t?.roleArn ?? null,
    tags: t?.tags ?? {},
    creationTime: t?.creationTime ?? null,
    lastUpdateTime: t?.lastUpdateTime ?? null,
  };
}

/** Experiment templates with their full definitions (the listing carries no stop conditions). */
export async function fetchFisTemplates(
  ctx: FetchContext,
  { concurrency = DEFAULT_CONCURRENCY }: { concurrency?: number } = {},
): Promise<FisTemplateRecord[]> {
  const client = clientFor(ctx, "fis");
  const scope = scopeOf(ctx);
  try {
    const ids: string[] = [];
    for await (const page of paginateListExperimentTemplates({ client, pageSize: 100 }, {})) {
      checkAborted(ctx);
      for (const t of page.experimentTemplates ?? []) if (t.id) ids.push(t.id);
    }
    return await mapLimit(ids, concurrency, (id) => getTemplate(client, scope, id), ctx.signal);
  } finally {
    client.destroy();
  }
}

/** What ListExperiments says of an experiment: all but its times, actions and stop conditions. */
export interface FisExperimentListing extends AccountScope {
  id: string;
  templateId: string | null;
  status: string;
  reason: string | null;
  tags: Record<string, string>;
}

/**
 * Experiments, one listing page at a time, each completed with GetExperiment unless `known` says
 * the caller holds its details already and they cannot have changed (those come back as listings
 * only). ListExperiments has no time filter (only a template id), so every sync lists them all.
 */
export async function* fisExperiments(
  ctx: FetchContext,
  { concurrency = DEFAULT_CONCURRENCY, known }: { concurrency?: number; known?: (listing: FisExperimentListing) => boolean } = {},
): AsyncGenerator<{ records: FisExperimentRecord[]; unchanged: FisExperimentListing[] }> {
  const client = clientFor(ctx, "fis");
  const scope = scopeOf(ctx);
  try {
    for await (const page of paginateListExperiments({ client, pageSize: 100 }, {})) {
      checkAborted(ctx);
      const listings = (page.experiments ?? []).flatMap((e): FisExperimentListing[] =>
        e.id
          ? [
              {
                ...scope,
                id: e.id,
                templateId: e.experimentTemplateId ?? null,
                status: e.state?.status ?? "",
                reason: e.state?.reason ?? null,
                tags: e.tags ?? {},
              },
            ]
          : [],
      );
      const unchanged = known ? listings.filter(known) : [];
      const records = await mapLimit(
        listings.filter((l) => !unchanged.includes(l)).map((l) => l.id),
        concurrency,
        async (id): Promise<FisExperimentRecord> => {
          const { experiment: e } = await client.send(new GetExperimentCommand({ id }));
          return {
            ...scope,
            id,
            arn: arnOf(scope, "experiment", id, (e as { arn?: unknown } | undefined)?.arn),
            templateId: e?.experimentTemplateId ?? null,
            status: e?.state?.status ?? "",
            reason: e?.state?.reason ?? null,
            startTime: e?.startTime ?? null,
            endTime: e?.endTime ?? null,
            creationTime: e?.creationTime ?? null,
            actions: { ...(e?.actions ?? {}) },
            stopConditions: stopConditionsOf(e?.stopConditions),
            tags: e?.tags ?? {},
          };
        },
        ctx.signal,
      );
      yield { records, unchanged };
    }
  } finally {
    client.destroy();
  }
}
