import type { Role } from "~/generated/prisma/enums";

export const roles = ["owner", "admin", "editor", "viewer"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export function hasRole(actual: Role, minimum: Role): boolean {
  return rank[actual] >= rank[minimum];
}

export const roleDescriptions: Record<Role, string> = {
  owner: "Everything, including deleting the workspace and managing owners",
  admin: "Manage members, tokens and settings; read the audit log",
  editor: "Connect AWS accounts, start syncs, upload results",
  viewer: "Read dashboards",
};
