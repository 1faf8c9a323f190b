import { EmptyState } from "~/components/ui/empty-state";

export function AdminOnlyNotice({ title, children, role }: { title: string; children: React.ReactNode; role: string }) {
  return (
    <EmptyState title={title}>
      <p>{children}</p>
      <p className="mt-2 text-slate-500">You are a {role} in this workspace; ask an admin or owner if you need access.</p>
    </EmptyState>
  );
}
