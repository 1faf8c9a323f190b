import { createHash, randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { hasRole } from "~/server/auth/roles";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";

// Tokens look like `ldr_<43 url-safe characters>`; only their SHA-256 is stored.
const PREFIX = "ldr_";
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(opts: {
  workspaceId: string;
  actor: Actor;
  actorRole: Role;
  name: string;
  role: Role;
  expiresInDays: number | null;
}) {
  if (!hasRole(opts.actorRole, opts.role)) {
    throw new AppError("FORBIDDEN", `You cannot create a token with more rights (${opts.role}) than your own.`, "role");
  }
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * 86_400_000) : null;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: opts.workspaceId,
        name: opts.name,
        role: opts.role,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, PREFIX.length + 6),
        createdById: opts.actor.userId ?? null,
        expiresAt,
      },
      select: { id: true, name: true, role: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "token.created",
      targetType: "api_token",
      targetId: row.id,
      data: { name: row.name, role: row.role, prefix: row.prefix },
    });
    return row;
  });
  return { ...created, token };
}

export async function listApiTokens(opts: { workspaceId: string }) {
  return db.apiToken.findMany({
    where: { workspaceId: opts.workspaceId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
  });
}

export async function revokeApiToken(opts: { workspaceId: string; actor: Actor; tokenId: string }) {
  const token = await db.apiToken.findFirst({
    where: { id: opts.tokenId, workspaceId: opts.workspaceId },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!token) throw notFound("That token");
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
  const revokedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "token.revoked",
      targetType: "api_token",
      targetId: token.id,
      data: { name: token.name, prefix: token.prefix },
    });
  });
  return { id: token.id, revokedAt };
}

export interface TokenPrincipal {
  tokenId: string;
  prefix: string;
  role: Role;
  workspace: { id: string; slug: string; name: string };
}

export async function authenticateApiToken(authorization: string | null): Promise<TokenPrincipal> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) {
    throw new AppError("UNAUTHORIZED", "Send a workspace API token as `Authorization: Bearer ldr_…`.");
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: {
      id: true,
      prefix: true,
      role: true,
      revokedAt: true,
      expiresAt: true,
      workspace: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!row) throw new AppError("UNAUTHORIZED", "This API token is not valid. Create one under Settings → API tokens.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", `This API token (${row.prefix}…) was revoked; create a new one.`);
  if (row.expiresAt && row.expiresAt < new Date()) {
    throw new AppError("UNAUTHORIZED", `This API token (${row.prefix}…) expired; create a new one.`);
  }
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { tokenId: row.id, prefix: row.prefix, role: row.role, workspace: row.workspace };
}
