import type { AuditEntry } from "./types";

// Audit actions are stable identifiers; people read them as sentences about the actor. Entries
// are never rewritten, so older shapes of `data` (an account as a bare `accountId`, no check
// title) must read sensibly too.
const actionWording: Record<string, string> = {
  "workspace.created": "created the workspace",
  "workspace.renamed": "renamed the workspace",
  "member.added": "added a member",
  "member.invited": "invited a member",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "invitation.revoked": "revoked an invitation",
  "token.created": "created an API token",
  "token.revoked": "revoked an API token",
  "user.locked_out": "locked out a member after failed sign-ins",
  "account.onboarding_started": "started connecting an AWS account",
  "account.connected": "connected an AWS account",
  "account.verified": "re-verified an AWS account",
  "account.environment_changed": "changed an AWS account's environment",
  "account.removed": "removed an AWS account",
  "account.members_connected": "connected the organisation's member accounts",
  "sync.schedule_changed": "changed the sync schedule",
  "sync.started": "started a sync",
  "maturity.attest": "attested a check",
  "maturity.attestation.revoke": "revoked an attestation",
  "maturity.waiver.request": "requested a waiver",
  "maturity.waiver.approve": "approved a waiver",
  // Recorded before a waiver needed an approver other than its requester.
  "maturity.waiver.grant": "waived a check, approving it themselves",
  "maturity.waiver.revoke": "revoked a waiver",
};

type Data = Record<string, unknown>;

function asData(value: unknown): Data {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {};
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** "shop-prod (210987654321)", or whichever half an entry has: older entries kept only the number. */
export function accountLabel(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  const account = asData(value);
  const id = text(account.accountId);
  const name = text(account.name);
  if (id && name) return `${name} (${id})`;
  return id ?? name;
}

const accountOf = (data: Data) => accountLabel(data.account) ?? accountLabel(data.accountId);

function claimTarget(data: Data): string {
  const check = text(data.checkTitle) ?? text(data.checkId) ?? "a check";
  const scope = asData(data.scope);
  if (scope.kind === "account") return `${check} in ${accountOf(data) ?? accountLabel(scope.accountId) ?? "an account"}`;
  if (scope.kind === "ou" && text(scope.ouPath)) return `${check} in OU ${text(scope.ouPath)}`;
  if (scope.kind === "organization") return `${check} across the organisation`;
  return check;
}

const hours = (value: unknown) => (typeof value === "number" ? `every ${value} h` : "off");

export function actorOf(entry: AuditEntry): string {
  return entry.actor?.email ?? text(entry.actorLabel) ?? "Ladder";
}

export function describeAction(entry: AuditEntry): string {
  const data = asData(entry.data);
  if (entry.action === "member.added" && data.via === "invitation") return "joined through an invitation";
  // Recorded with no email only when the creator of a workspace becomes its first member.
  if (entry.action === "member.added" && !text(data.email)) return "joined as a member";
  if (entry.action === "member.removed" && text(data.email) && data.email === entry.actor?.email) return "left the workspace";
  if (entry.action === "maturity.waiver.approve" && data.approval === "self_under_setting") {
    return "approved their own waiver, as the workspace allows";
  }
  if (entry.action === "maturity.waiver.revoke" && data.wasApproved === false) return "rejected a waiver request";
  if (entry.action === "workspace.waiver_self_approval_changed") {
    return data.allowWaiverSelfApproval
      ? "allowed admins to approve their own waivers"
      : "required waivers to be approved by another admin";
  }
  return actionWording[entry.action] ?? entry.action.replaceAll(/[._]/g, " ");
}

export function describeTarget(entry: AuditEntry): string {
  const data = asData(entry.data);
  if (entry.targetType === "api_token") return text(data.name) ?? "API token";
  if (entry.action === "sync.schedule_changed") return "the sync schedule";
  if (entry.targetType === "workspace") return text(data.name) ?? "this workspace";
  if (entry.targetType === "aws_account") {
    // An account's number is known once its role is pasted; before that it is only "new".
    return accountOf(data) ?? (entry.action === "account.onboarding_started" ? "a new AWS account" : "an AWS account");
  }
  if (entry.targetType === "aws_organization") {
    return text(data.organizationId) ? `organisation ${text(data.organizationId)}` : "the AWS organisation";
  }
  if (entry.targetType === "waiver" || entry.targetType === "attestation") return claimTarget(data);
  if (entry.targetType === "sync_run") return "a sync";
  if (entry.action === "member.added" && !text(data.email)) return actorOf(entry);
  return text(data.email) ?? "—";
}

function accountList(label: string, value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const names = value.map((a) => accountLabel(a) ?? "?");
  const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
  return `${label} ${shown}`;
}

export function describeDetails(entry: AuditEntry): string {
  const data = asData(entry.data);
  const parts: string[] = [];
  if (entry.action === "sync.schedule_changed") {
    parts.push(
      "previousEveryHours" in data
        ? `${hours(data.previousEveryHours)} → ${hours(data.syncEveryHours)}`
        : hours(data.syncEveryHours),
    );
    return parts.join(" · ");
  }
  if (entry.action === "account.environment_changed") {
    parts.push("from" in data ? `${text(data.from) ?? "none"} → ${text(data.to) ?? "none"}` : (text(data.environment) ?? "none"));
    return parts.join(" · ");
  }
  if (text(data.from) && text(data.to)) parts.push(`${text(data.from)} → ${text(data.to)}`);
  else if (text(data.role)) parts.push(`role ${text(data.role)}`);
  if (text(data.prefix)) parts.push(`${text(data.prefix)}…`);
  if (entry.targetType === "workspace" && text(data.slug)) parts.push(`address ${text(data.slug)}`);
  if (entry.targetType === "aws_account") {
    if (data.kind === "organization") parts.push("management account");
    if (text(data.status)) parts.push(`status ${text(data.status)}`);
  }
  if (entry.targetType === "aws_organization") {
    for (const part of [accountList("connected", data.connected), accountList("failed", data.failed)]) if (part) parts.push(part);
  }
  if (entry.targetType === "waiver") {
    if (data.approval === "other_admin" && text(data.requestedBy)) parts.push(`requested by ${text(data.requestedBy)}`);
    if (data.approval === "self_under_setting") parts.push("self-approved: the workspace allows it");
    if (text(data.reason)) parts.push(text(data.reason)!);
  }
  if (text(data.expiresAt)) parts.push(`until ${text(data.expiresAt)!.slice(0, 10)}`);
  return parts.join(" · ");
}
