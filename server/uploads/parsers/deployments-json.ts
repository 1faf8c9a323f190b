import { AppError } from "~/server/errors";
import type { FormatReader } from "./format-reader";
import { asObject, asString, type JsonObject } from "./json-values";
import { environmentOf, Problems, text } from "./record-fields";
import type { DeploymentRecord, DeploymentStatus } from "./upload-types";

const STATUSES: readonly DeploymentStatus[] = ["succeeded", "failed", "rolled_back"];

/**
 * Ladder's deployments upload, for CI systems: {"deployments": [deployment, …]} or a bare array,
 * where a deployment is {id, service, environment, accountId?, commitSha?, committedAt?,
 * startedAt?, finishedAt, status: "succeeded" | "failed" | "rolled_back", url?}. Lead time is
 * known only for deployments that say when their commit was made (committedAt).
 */
export const readDeployments: FormatReader = (outline, _hint, sink) => {
  const isBare = Array.isArray(outline.doc);
  if (!isBare && !Array.isArray(asObject(outline.doc).deployments)) {
    throw new AppError("BAD_REQUEST", "The deployments file is invalid: deployments: must be a list of deployments.");
  }
  const problems = new Problems("deployments file");
  const seen = new Set<string>();
  let count = 0;
  return {
    header: { kind: "deployments", format: "deployments-json", tool: { name: "deployments" } },
    selectors: [isBare ? "*" : "deployments.*"],
    item(_selector, value, path) {
      const index = path[path.length - 1] as number;
      count++;
      const record = readDeployment(asObject(value), `deployments[${index}]`, problems);
      if (!record) return;
      if (seen.has(record.externalId)) {
        problems.add(`deployments[${index}]: id "${record.externalId}" appears more than once; each deployment needs its own id`);
        return;
      }
      seen.add(record.externalId);
      sink.deployment(record);
    },
    finish() {
      problems.throwIfAny();
      if (count === 0) sink.warn("The deployments file lists no deployments.");
    },
  };
};

function readDeployment(item: JsonObject, where: string, problems: Problems): DeploymentRecord | undefined {
  const before = problems.total;
  const id = text(item.id, 200);
  const service = text(item.service, 200);
  const environment = environmentOf(asString(item.environment));
  const status = asString(item.status)?.toLowerCase().replace("-", "_");
  const accountId = asString(item.accountId);
  if (!id) problems.add(`${where}.id: is required`);
  if (!service) problems.add(`${where}.service: is required`);
  if (!environment) problems.add(`${where}.environment: is required (e.g. "production")`);
  if (!STATUSES.includes(status as DeploymentStatus)) {
    problems.add(`${where}.status: must be one of ${STATUSES.join(", ")} (found ${JSON.stringify(item.status ?? null)})`);
  }
  if (accountId !== undefined && !/^\d{12}$/.test(accountId))
    problems.add(`${where}.accountId: must be a 12-digit AWS account ID`);
  if (!item.finishedAt) problems.add(`${where}.finishedAt: is required`);
  const finishedAt = problems.time(item.finishedAt, `${where}.finishedAt`);
  const startedAt = problems.time(item.startedAt, `${where}.startedAt`);
  const committedAt = problems.time(item.committedAt, `${where}.committedAt`);
  if (finishedAt && startedAt && finishedAt < startedAt) problems.add(`${where} (${id}): finishedAt is before startedAt`);
  if (finishedAt && committedAt && finishedAt < committedAt) problems.add(`${where} (${id}): finishedAt is before committedAt`);
  if (problems.total !== before || !id || !service || !environment || !finishedAt) return undefined;

  const record: DeploymentRecord = {
    source: "ladder",
    externalId: id,
    service,
    environment,
    finishedAt,
    status: status as DeploymentStatus,
  };
  if (accountId) record.accountId = accountId;
  const sha = text(item.commitSha, 100);
  if (sha) record.commitSha = sha;
  if (committedAt) record.committedAt = committedAt;
  if (startedAt) record.startedAt = startedAt;
  const url = text(item.url, 500);
  if (url) record.url = url;
  return record;
}
