import type { Role } from "./types";

export const roleLabels: Record<Role, string> = { owner: "Owner", admin: "Admin", editor: "Editor", viewer: "Viewer" };

export function RoleOptions({ roles }: { roles: Role[] }) {
  return roles.map((role) => (
    <option key={role} value={role}>
      {roleLabels[role]}
    </option>
  ));
}

export function RoleGuide({ roles, descriptions }: { roles: Role[]; descriptions: Record<Role, string> }) {
  return (
    <dl className="grid gap-x-4 gap-y-1.5 text-xs sm:grid-cols-[auto_1fr]">
      {roles.map((role) => (
        <div key={role} className="contents">
          <dt className="font-medium text-slate-800">{roleLabels[role]}</dt>
          <dd className="text-slate-600">{descriptions[role]}</dd>
        </div>
      ))}
    </dl>
  );
}
