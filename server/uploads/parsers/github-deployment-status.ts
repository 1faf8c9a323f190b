import type { FormatReader } from "./format-reader";
import { asObject, asString, isObject, type JsonObject } from "./json-values";
import { environmentOf, Problems, text } from "./record-fields";
import type { DeploymentRecord } from "./upload-types";

// GitHub's deployment_status webhook payload (octokit/webhooks payload-examples): one payload, or
// a JSON array of them (a deployment's statuses as they arrived). Only final states count:
// success → succeeded, failure and error → failed; queued, pending, in_progress and inactive are
// left out. A deployment seen several times keeps its latest final status. The payload names
// the commit (deployment.sha) but not when it was made: committedAt is set only when the
// deployment's own payload carries it (deployment.payload.committedAt or committed_at).

const FINAL: Record<string, DeploymentRecord["status"]> = { success: "succeeded", failure: "failed", error: "failed" };

export const readGithubDeploymentStatus: FormatReader = (outline, _hint, sink) => {
  const isBare = Array.isArray(outline.doc);
  const problems = new Problems("GitHub deployment_status payload");
  const latest = new Map<string, DeploymentRecord>();
  let notFinal = 0;
  const read = (value: unknown, where: string) => {
    const record = readPayload(asObject(value), where, problems);
    if (record === "not-final") notFinal++;
    else if (record) {
      const earlier = latest.get(record.externalId);
      if (!earlier || earlier.finishedAt <= record.finishedAt) latest.set(record.externalId, record);
    }
  };
  return {
    header: { kind: "deployments", format: "github-deployment-status", tool: { name: "GitHub" } },
    selectors: isBare ? ["*"] : [],
    item(_selector, value, path) {
      read(value, `[${String(path[0])}]`);
    },
    finish() {
      if (!isBare) read(outline.doc, "payload");
      problems.throwIfAny();
      for (const record of latest.values()) sink.deployment(record);
      if (notFinal > 0) {
        sink.warn(`${notFinal} status(es) were not final (queued, pending, in progress or inactive) and were left out.`);
      }
      if (latest.size === 0) sink.warn("The payload holds no finished deployment (success, failure or error).");
    },
  };
};

function readPayload(payload: JsonObject, where: string, problems: Problems): DeploymentRecord | "not-final" | undefined {
  const status = asObject(payload.deployment_status);
  const deployment = asObject(payload.deployment);
  const state = asString(status.state)?.toLowerCase();
  if (!state) {
    problems.add(`${where}.deployment_status.state: is required`);
    return undefined;
  }
  const outcome = FINAL[state];
  if (!outcome) return "not-final";
  const before = problems.total;
  const id = text(deployment.id, 200);
  if (!id) problems.add(`${where}.deployment.id: is required`);
  const extra = payloadObject(deployment.payload);
  const service = text(extra.service, 200) ?? text(asObject(payload.repository).full_name, 200);
  if (!service) problems.add(`${where}.repository.full_name: is required (or deployment.payload.service)`);
  const environment = environmentOf(asString(status.environment) ?? asString(deployment.environment));
  if (!environment) problems.add(`${where}.deployment.environment: is required`);
  const finishedField = status.created_at ? "created_at" : "updated_at";
  if (!status[finishedField]) problems.add(`${where}.deployment_status.created_at: is required`);
  const finishedAt = problems.time(status[finishedField], `${where}.deployment_status.${finishedField}`);
  const startedAt = problems.time(deployment.created_at, `${where}.deployment.created_at`);
  const committedField = extra.committedAt === undefined ? "committed_at" : "committedAt";
  const committedAt = problems.time(extra[committedField], `${where}.deployment.payload.${committedField}`);
  if (finishedAt && startedAt && finishedAt < startedAt) {
    problems.add(`${where} (${id}): deployment_status.${finishedField} is before deployment.created_at`);
  }
  if (finishedAt && committedAt && finishedAt < committedAt) {
    problems.add(`${where} (${id}): deployment_status.${finishedField} is before the commit time`);
  }
  if (problems.total !== before || !id || !service || !environment || !finishedAt) return undefined;

  const record: DeploymentRecord = { source: "github", externalId: id, service, environment, finishedAt, status: outcome };
  const sha = text(deployment.sha, 100);
  if (sha) record.commitSha = sha;
  if (committedAt) record.committedAt = committedAt;
  if (startedAt) record.startedAt = startedAt;
  const accountId = asString(extra.accountId) ?? asString(extra.account_id);
  if (accountId && /^\d{12}$/.test(accountId)) record.accountId = accountId;
  const url = text(status.log_url, 500) ?? text(status.target_url, 500);
  if (url) record.url = url;
  return record;
}

// deployment.payload is whatever the deployer sent: an object, or a JSON string of one.
function payloadObject(value: unknown): JsonObject {
  if (isObject(value)) return value;
  if (typeof value !== "string") return {};
  try {
    return asObject(JSON.parse(value) as unknown);
  } catch {
    return {};
  }
}
