import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { fetchedAtOf } from "../load/fetched";
import type { Decisive } from "../results";
import type { EvidenceRow } from "./types";

// Turns the row ids a result cites back into the rows themselves, from whichever table holds
// them, always through the workspace: an id alone never reaches another workspace's data.

type Owner = "account" | "organization" | "workspace" | "upload";

const TABLES: Record<string, { owner: Owner; label: string[]; observed?: string }> = {
  AwsAccount: { owner: "workspace", label: ["name", "accountId"], observed: "updatedAt" },
  SyncTask: { owner: "workspace", label: ["source", "accountId"], observed: "finishedAt" },
  OrgUnit: { owner: "organization", label: ["path", "name"], observed: "updatedAt" },
  OrgMember: { owner: "organization", label: ["name", "accountId"], observed: "updatedAt" },
  Scp: { owner: "organization", label: ["name", "policyId"], observed: "updatedAt" },
  DelegatedAdmin: { owner: "organization", label: ["servicePrincipal", "accountId"], observed: "updatedAt" },
  AwsTrail: { owner: "account", label: ["name", "arn"], observed: "updatedAt" },
  EcrRepository: { owner: "account", label: ["name", "repositoryName"] },
  EcrRegistryScanning: { owner: "account", label: ["region", "scanType"] },
  EcrImage: { owner: "account", label: ["repositoryName", "digest", "imageDigest"] },
  EcrFinding: { owner: "account", label: ["name", "repositoryName"] },
  InspectorFinding: { owner: "account", label: ["title", "vulnerabilityId", "findingArn"] },
  FisTemplate: { owner: "account", label: ["templateId", "description"] },
  FisExperiment: { owner: "account", label: ["experimentId", "status"] },
  CloudWatchAlarm: { owner: "account", label: ["name", "alarmName", "arn"] },
  Incident: { owner: "workspace", label: ["title", "source"] },
  DeploymentGroup: { owner: "account", label: ["groupName", "applicationName"] },
  Deployment: { owner: "account", label: ["deploymentId", "groupName"] },
  XraySamplingRule: { owner: "account", label: ["ruleName"] },
  EksCluster: { owner: "account", label: ["name", "clusterName"] },
  EksAddon: { owner: "account", label: ["addonName", "clusterName"] },
  CommitmentDaily: { owner: "account", label: ["kind", "day"] },
  Upload: { owner: "workspace", label: ["tool", "repository", "filename"], observed: "createdAt" },
  Attestation: { owner: "workspace", label: ["authorName", "evidenceUrl"], observed: "createdAt" },
  Waiver: { owner: "workspace", label: ["reason"], observed: "createdAt" },
};

const HIDDEN = new Set(["id", "awsAccountRef", "organizationRefId", "lastSeenRunId", "workspaceId", "runId", "passwordHash"]);
const MAX_IDS = 500;

/**
 * When a sync last confirmed the row: the later of the run its lastSeenRunId names and the last
 * complete fetch of its scope, as the evaluator judges freshness (load/sql.ts). Rows without one (uploads, claims) fall back to their own column.
 */
function observedAt(table: string, observed: string | undefined, workspaceId: string): Prisma.Sql {
  const own = observed ? Prisma.raw(`t."${observed}"`) : Prisma.sql`NULL::timestamp`;
  return Prisma.sql`COALESCE(GREATEST((SELECT COALESCE(s."finishedAt", s."startedAt", s."createdAt") FROM "SyncRun" s
    WHERE s.id = to_jsonb(t)->>'lastSeenRunId' AND s."workspaceId" = ${workspaceId}), ${fetchedAtOf(table, "t", workspaceId)}), ${own})`;
}

function ownedBy(table: string, owner: Owner, workspaceId: string): Prisma.Sql {
  const t = Prisma.raw(`"${table}"`);
  if (owner === "workspace") return Prisma.sql`FROM ${t} t WHERE t."workspaceId" = ${workspaceId}`;
  if (owner === "organization") {
    return Prisma.sql`FROM ${t} t JOIN "AwsOrganization" o ON o.id = t."organizationRefId" WHERE o."workspaceId" = ${workspaceId}`;
  }
  return Prisma.sql`FROM ${t} t JOIN "AwsAccount" a ON a.id = t."awsAccountRef" WHERE a."workspaceId" = ${workspaceId}`;
}

/** The rows a result cites, each with the fields that decided the result (`decisive`, by row id). */
export async function evidenceRows(workspaceId: string, ids: readonly string[], decisive: Decisive = {}): Promise<EvidenceRow[]> {
  const wanted = [...new Set(ids)].slice(0, MAX_IDS);
  if (!wanted.length) return [];
  const parts = Object.entries(TABLES).map(
    ([table, { owner, observed }]) =>
      Prisma.sql`SELECT ${table} AS kind, to_jsonb(t) AS row, ${observedAt(table, observed, workspaceId)} AS "observedAt"
        ${ownedBy(table, owner, workspaceId)} AND t.id = ANY(${wanted})`,
  );
  const found = await db.$queryRaw<{ kind: string; row: Record<string, unknown>; observedAt: Date | null }[]>(
    Prisma.join(parts, " UNION ALL "),
  );
  const byId = new Map(found.map((f) => [String(f.row.id), f]));
  return wanted.map((id) => {
    const decided = Object.entries(decisive[id] ?? {}).map(([field, value]) => ({ field, value }));
    const hit = byId.get(id);
    if (!hit) return { id, kind: "Derived", label: derivedLabel(id), observedAt: null, fields: {}, decisive: decided };
    const spec = TABLES[hit.kind]!;
    const labelParts = spec.label.map((c) => hit.row[c]).filter((v) => v !== null && v !== undefined && v !== "");
    return {
      id,
      kind: hit.kind,
      label: labelParts.length ? labelParts.map(String).join(" · ") : id,
      observedAt: hit.observedAt ? new Date(hit.observedAt) : null,
      fields: flatten(hit.row),
      decisive: decided,
    };
  });
}

// Figures computed from many rows (a month of EC2 spend) have no single row to show.
function derivedLabel(id: string): string {
  return id.includes(":") ? id.split(":").join(" · ") : `Row ${id} (no longer stored: a later sync removed it)`;
}

function flatten(row: Record<string, unknown>): EvidenceRow["fields"] {
  const out: EvidenceRow["fields"] = {};
  for (const [key, value] of Object.entries(row)) {
    if (HIDDEN.has(key)) continue;
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = value;
    else {
      const text = JSON.stringify(value);
      out[key] = text.length > 400 ? `${text.slice(0, 400)}…` : text;
    }
  }
  return out;
}
