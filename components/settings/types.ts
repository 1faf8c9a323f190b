import type { inferRouterOutputs } from "@trpc/server";
import type { Role } from "~/generated/prisma/enums";
import type { AppRouter } from "~/server/api/root";

export type { Role };
type RouterOutputs = inferRouterOutputs<AppRouter>;
export type MembersList = RouterOutputs["members"]["list"];
export type Member = MembersList["members"][number];
export type PendingInvitation = MembersList["invitations"][number];
export type ApiTokenRow = RouterOutputs["tokens"]["list"][number];
export type AuditEntry = RouterOutputs["audit"]["list"]["entries"][number];

// What the server page decided about the caller, so client code repeats no role rules.
export interface MemberPermissions {
  canManage: boolean;
  assignableRoles: Role[];
  roleDescriptions: Record<Role, string>;
}
