import { z } from "zod";
import { roles } from "~/server/auth/roles";

export const workspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "The address needs at least 3 characters.")
  .max(40, "The address can have at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes, e.g. acme-platform.");

export const roleSchema = z.enum(roles, { error: () => "Choose one of the roles: owner, admin, editor or viewer." });

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address, like name@example.com."));

export const workspaceInput = z.object({ workspace: workspaceSlug });

const workspaceName = z.string().trim().min(1, "Give the workspace a name.").max(80, "Keep the name under 80 characters.");

export const createWorkspaceInput = z.object({ name: workspaceName, slug: workspaceSlug });
export const renameWorkspaceInput = workspaceInput.extend({ name: workspaceName });
export const waiverSelfApprovalInput = workspaceInput.extend({ allow: z.boolean() });
// Checked against the address by the service, which names it in the error.
export const deleteWorkspaceInput = workspaceInput.extend({ confirmSlug: z.string().max(100) });

export const inviteMemberInput = workspaceInput.extend({ email: emailSchema, role: roleSchema });
export const changeRoleInput = workspaceInput.extend({ userId: z.string().min(1), role: roleSchema });
export const removeMemberInput = workspaceInput.extend({ userId: z.string().min(1) });
export const revokeInvitationInput = workspaceInput.extend({ invitationId: z.string().min(1) });
export const acceptInvitationInput = z.object({ token: z.string().min(10).max(200) });
export const auditLogInput = workspaceInput.extend({
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;
