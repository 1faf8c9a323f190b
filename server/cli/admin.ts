import { randomBytes } from "node:crypto";
import { roles } from "~/server/auth/roles";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { createApiToken } from "~/server/tokens/tokens.service";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace, findWorkspaceBySlug } from "~/server/workspaces/workspaces.service";
import { createWorkspaceInput, emailSchema, roleSchema } from "~/server/workspaces/workspaces.schema";
import type { Role } from "~/generated/prisma/enums";

// Self-hosters' admin commands. They call the same services as the app, as actor "cli".
const CLI_ACTOR = { label: "cli" };

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("BAD_REQUEST", result.error.issues.map((i) => i.message).join(" "));
  return result.data;
}

export async function createUserCommand(opts: { email: string; name?: string; password?: string }) {
  const email = parse(emailSchema, opts.email);
  const password = opts.password ?? randomBytes(12).toString("base64url");
  if (password.length < 12) throw new AppError("BAD_REQUEST", "Use at least 12 characters for the password.");
  const user = await createLocalUser({ email, name: opts.name ?? email.split("@")[0]!, password });
  console.log(`Created user ${user.email} (${user.id}).`);
  if (!opts.password) console.log(`Password: ${password}\nIt is shown once; the user can sign in with it now.`);
}

export async function createWorkspaceCommand(opts: { slug: string; name?: string; owner: string }) {
  const input = parse(createWorkspaceInput, { slug: opts.slug, name: opts.name ?? opts.slug });
  const owner = await db.user.findUnique({ where: { email: parse(emailSchema, opts.owner) }, select: { id: true } });
  if (!owner)
    throw new AppError("NOT_FOUND", `No user has the email ${opts.owner}; create it first with \`ladder create-user\`.`);
  const workspace = await createWorkspace({ userId: owner.id, name: input.name, slug: input.slug, actor: CLI_ACTOR });
  console.log(`Created workspace ${workspace.slug} owned by ${opts.owner}.`);
}

export async function createTokenCommand(opts: { workspace: string; role: string; name?: string; expiresInDays?: number }) {
  const role = parse(roleSchema, opts.role) as Role;
  if (role === "owner")
    throw new AppError("BAD_REQUEST", `A token can be at most an admin; choose one of ${roles.slice(1).join(", ")}.`);
  const workspace = await findWorkspaceBySlug(opts.workspace);
  if (!workspace) throw new AppError("NOT_FOUND", `No workspace has the address ${opts.workspace}.`);
  const token = await createApiToken({
    workspaceId: workspace.id,
    actor: CLI_ACTOR,
    actorRole: "owner",
    name: opts.name ?? "Created with the CLI",
    role,
    expiresInDays: opts.expiresInDays ?? null,
  });
  // Only the token on stdout, so `TOKEN=$(npx ladder create-token …)` works.
  console.log(token.token);
}
