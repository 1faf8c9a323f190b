import type { AuditEntry } from "./types";

// Audit actions are stable identifiers; people read them as sentences about the actor.
const actionWording: Record<string, string> = {
  "workspace.created": "created the workspace",
  "member.added": "added a member",
  "member.invited": "invited a member",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "invitation.revoked": "revoked an invitation",
  "token.created": "created an API token",
  "token.revoked": "revoked an API token",
};

type Data = Record<string, unknown>;

function asData(value: AuditEntry["data"]): Data {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {};
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

export function actorOf(entry: AuditEntry): string {
  return entry.actor?.email ?? text(entry.actorLabel) ?? "Ladder";
}

export function describeAction(entry: AuditEntry): string {
  const data = asData(entry.data);
  if (entry.action === "member.added" && data.via === "invitation") return "joined through an invitation";
  // Recorded with no email only when the creator of a workspace becomes its first member.
  if (entry.action === "member.added" && !text(data.email)) return "joined as a member";
  if (entry.action === "member.removed" && text(data.email) && data.email === entry.actor?.email) return "left the workspace";
  return actionWording[entry.action] ?? entry.action.replaceAll(/[._]/g, " ");
}

export function describeTarget(entry: AuditEntry): string {
  const data = asData(entry.data);
  if (entry.targetType === "api_token") return text(data.name) ?? "API token";
  if (entry.targetType === "workspace") return text(data.name) ?? "this workspace";
  if (entry.action === "member.added" && !text(data.email)) return actorOf(entry);
  return text(data.email) ?? "—";
}

export function describeDetails(entry: AuditEntry): string {
  const data = asData(entry.data);
  const parts: string[] = [];
  if (text(data.from) && text(data.to)) parts.push(`${text(data.from)} → ${text(data.to)}`);
  else if (text(data.role)) parts.push(`role ${text(data.role)}`);
  if (text(data.prefix)) parts.push(`${text(data.prefix)}…`);
  if (entry.targetType === "workspace" && text(data.slug)) parts.push(`address ${text(data.slug)}`);
  return parts.join(" · ");
}
